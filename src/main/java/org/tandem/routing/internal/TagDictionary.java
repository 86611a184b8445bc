package org.tandem.routing.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Numbers the free-text tags of the staff, so overlaps are merges of small sorted int arrays. */
final class TagDictionary {

	private final Map<String, Integer> ids = new HashMap<>();

	int id(String tag, boolean add) {
		Integer id = ids.get(tag);
		if (id == null && add) {
			id = ids.size();
			ids.put(tag, id);
		}
		return id == null ? -1 : id;
	}

	/** Sorted ids of the tags; unknown tags are dropped unless {@code add}, since no agent has them. */
	int[] idsOf(Collection<String> tags, boolean add) {
		return tags.stream().mapToInt(tag -> id(tag, add)).filter(id -> id >= 0).sorted().distinct().toArray();
	}

	static int overlap(int[] a, int[] b) {
		int i = 0;
		int j = 0;
		int count = 0;
		while (i < a.length && j < b.length) {
			if (a[i] == b[j]) {
				count++;
				i++;
				j++;
			}
			else if (a[i] < b[j]) {
				i++;
			}
			else {
				j++;
			}
		}
		return count;
	}

	static int indexOf(int[] sorted, int id) {
		return Arrays.binarySearch(sorted, id);
	}
}
