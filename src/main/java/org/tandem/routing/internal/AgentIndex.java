package org.tandem.routing.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.tandem.core.Channel;
import org.tandem.core.Language;
import org.tandem.core.Population;
import org.tandem.core.UsState;
import org.tandem.directory.Availability;
import org.tandem.directory.CompactTable;
import org.tandem.directory.Modality;
import org.tandem.directory.StaffMember;
import org.tandem.directory.Verification;

/**
 * The staff as bit sets over agent positions, so that a routing decision intersects a handful of
 * {@code long[]} instead of walking every agent's licenses and hours (which is what app_queue and
 * mod_callcenter do per member). Static attributes come from the directory; licensure is recomputed
 * each day, working hours each minute, presence and capacity on every change.
 */
public final class AgentIndex {

	private static final UsState[] STATES = UsState.values();
	private static final Channel[] CHANNELS = Channel.values();

	final int size;
	final StaffMember[] staff;
	final UUID[] ids;
	private final Map<UUID, Integer> positions = new HashMap<>();
	final TagDictionary tags = new TagDictionary();

	final long[] therapists;
	final long[] frontDesk;
	final long[] acceptingNew;
	final long[][] licensed = new long[STATES.length][];
	final Map<Language, long[]> languages = new HashMap<>();
	final long[][] populations = new long[Population.values().length][];
	final long[] availableNow;
	final long[] offerable;
	final long[][] freeCapacity = new long[CHANNELS.length][];

	final long[] populationBits;
	final int[][] issues;
	final int[][] identity;
	final int[][] modalities;
	final double[][] modalityStrength;
	final int[] lowestFee;
	final int[] lowestCoupleFee;
	final int[][] capacity;
	final long[] idleSince;
	final int[] contactsToday;

	private LocalDate licensedOn;
	private long availableMinute = Long.MIN_VALUE;

	public AgentIndex(List<StaffMember> members) {
		staff = members.stream().filter(StaffMember::active).sorted(Comparator.comparing(StaffMember::id))
			.toArray(StaffMember[]::new);
		size = staff.length;
		ids = new UUID[size];
		therapists = Bits.create(size);
		frontDesk = Bits.create(size);
		acceptingNew = Bits.create(size);
		availableNow = Bits.create(size);
		offerable = Bits.create(size);
		for (int s = 0; s < STATES.length; s++) {
			licensed[s] = Bits.create(size);
		}
		for (int p = 0; p < populations.length; p++) {
			populations[p] = Bits.create(size);
		}
		for (int c = 0; c < CHANNELS.length; c++) {
			freeCapacity[c] = Bits.create(size);
		}
		populationBits = new long[size];
		issues = new int[size][];
		identity = new int[size][];
		modalities = new int[size][];
		modalityStrength = new double[size][];
		lowestFee = new int[size];
		lowestCoupleFee = new int[size];
		capacity = new int[size][CHANNELS.length];
		idleSince = new long[size];
		contactsToday = new int[size];
		for (int i = 0; i < size; i++) {
			describe(i, staff[i]);
		}
	}

	private void describe(int i, StaffMember member) {
		ids[i] = member.id();
		positions.put(member.id(), i);
		Bits.set(therapists, i, member.isTherapist());
		Bits.set(frontDesk, i, !member.isTherapist());
		Bits.set(acceptingNew, i, member.acceptingNewClients());
		for (Language language : member.languages()) {
			languages.computeIfAbsent(language, l -> Bits.create(size));
			Bits.set(languages.get(language), i, true);
		}
		for (Population population : member.populations()) {
			Bits.set(populations[population.ordinal()], i, true);
			populationBits[i] |= 1L << population.ordinal();
		}
		issues[i] = tags.idsOf(member.specialties(), true);
		identity[i] = tags.idsOf(member.identity().words(), true);
		List<Modality> sorted = member.modalities().stream().sorted(Comparator.comparing(Modality::name)).toList();
		modalities[i] = new int[sorted.size()];
		modalityStrength[i] = new double[sorted.size()];
		for (int m = 0; m < sorted.size(); m++) {
			modalities[i][m] = tags.id(sorted.get(m).name(), true);
			modalityStrength[i][m] = strength(sorted.get(m).verification());
		}
		sortTogether(modalities[i], modalityStrength[i]);
		lowestFee[i] = member.fees() == null ? 0 : member.fees().lowest(false);
		lowestCoupleFee[i] = member.fees() == null ? 0 : member.fees().lowest(true);
		for (Channel channel : CHANNELS) {
			capacity[i][channel.ordinal()] = member.capacityFor(channel);
		}
	}

	private static double strength(Verification verification) {
		return switch (verification) {
			case CERTIFIED -> 1.0;
			case TRAINED -> 0.75;
			case SELF_REPORTED -> 0.5;
		};
	}

	private static void sortTogether(int[] keys, double[] values) {
		for (int a = 1; a < keys.length; a++) {
			for (int b = a; b > 0 && keys[b - 1] > keys[b]; b--) {
				int k = keys[b];
				keys[b] = keys[b - 1];
				keys[b - 1] = k;
				double v = values[b];
				values[b] = values[b - 1];
				values[b - 1] = v;
			}
		}
	}

	/** Recomputes who may practise where, once a day or when the directory or compact table changes. */
	public void refreshLicensure(LocalDate date, CompactTable compactTable) {
		for (int s = 0; s < STATES.length; s++) {
			Arrays.fill(licensed[s], 0L);
			for (int i = 0; i < size; i++) {
				if (staff[i].isTherapist() && staff[i].mayPracticeIn(STATES[s], date, compactTable)) {
					Bits.set(licensed[s], i, true);
				}
			}
		}
		licensedOn = date;
	}

	public LocalDate licensedOn() {
		return licensedOn;
	}

	/** Recomputes who is within working hours; cheap to call often, works once a minute. */
	public void refreshHours(Instant now) {
		long minute = now.truncatedTo(ChronoUnit.MINUTES).getEpochSecond();
		if (minute == availableMinute) {
			return;
		}
		availableMinute = minute;
		for (int i = 0; i < size; i++) {
			Availability availability = staff[i].availability();
			Bits.set(availableNow, i, availability != null && availability.availableAt(now));
		}
	}

	/** Brings presence, capacity and idle time of one agent into the bit sets. */
	public void refresh(AgentState agent, Instant now) {
		Integer i = positions.get(agent.id());
		if (i == null) {
			return;
		}
		Bits.set(offerable, i, agent.canBeOffered());
		for (Channel channel : CHANNELS) {
			Bits.set(freeCapacity[channel.ordinal()], i, agent.active(channel) < capacity[i][channel.ordinal()]);
		}
		idleSince[i] = agent.idleSince() == null ? Long.MIN_VALUE : agent.idleSince().toEpochMilli();
		contactsToday[i] = agent.contactsToday(now);
	}

	public int position(UUID id) {
		Integer i = positions.get(id);
		return i == null ? -1 : i;
	}

	public boolean contains(UUID id) {
		return positions.containsKey(id);
	}

	public int size() {
		return size;
	}

	long[] languageMask(Language language) {
		return languages.get(language);
	}

}
