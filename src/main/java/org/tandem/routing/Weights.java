package org.tandem.routing;

/**
 * Soft-score weights of a step. Each criterion scores 0..1 and is multiplied by its weight:
 * population fit, issue (specialty) fit, modality preferred by the client, therapist identity the client
 * prefers, fee within the client's budget, and continuity with their own therapist.
 */
public record Weights(int population, int specialty, int modality, int identity, int fee, int continuity) {

	public static final Weights DEFAULT = new Weights(40, 20, 10, 15, 10, 50);

	public Weights {
		for (int weight : new int[] { population, specialty, modality, identity, fee, continuity }) {
			if (weight < 0 || weight > 1000) {
				throw new org.tandem.core.InvalidInput("weights", "weights must be between 0 and 1000");
			}
		}
	}
}
