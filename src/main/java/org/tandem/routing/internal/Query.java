package org.tandem.routing.internal;

import org.tandem.routing.Needs;

/**
 * A contact's needs translated into the index's terms once, so every decision about it is arithmetic.
 * Counts are of what the contact asked for, including tags no agent has, so that a partial fit scores
 * as partial.
 */
record Query(int state, long[] language, boolean newClient, long populationBits, int populationCount, int[] issues,
		int issueCount, int[] identity, int identityCount, int[] modalities, Integer budget, boolean couple,
		int ownTherapist, int channel) {

	static Query of(ContactState contact, AgentIndex index) {
		Needs needs = contact.needs();
		long populationBits = 0;
		for (var population : needs.populations()) {
			populationBits |= 1L << population.ordinal();
		}
		long[] language = null;
		if (needs.language() != null) {
			language = index.languageMask(needs.language());
			if (language == null) {
				language = Bits.create(index.size());
			}
		}
		int own = contact.ownTherapist() == null ? -1 : index.position(contact.ownTherapist());
		return new Query(needs.currentState() == null ? -1 : needs.currentState().ordinal(), language,
				needs.isNewClient(), populationBits, needs.populations().size(), index.tags.idsOf(needs.issues(), false),
				needs.issues().size(), index.tags.idsOf(needs.identityPreferences(), false),
				needs.identityPreferences().size(), index.tags.idsOf(needs.modalities(), false), needs.budget(),
				needs.isCouple(), own, contact.channel().ordinal());
	}
}
