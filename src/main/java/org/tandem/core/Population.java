package org.tandem.core;

/**
 * Groups of clients a therapist works with and a client may belong to; the shared vocabulary for
 * matching "couples like them".
 */
public enum Population {
	GAY_MALE_COUPLES("Gay male couples"),
	LESBIAN_COUPLES("Lesbian couples"),
	QUEER_COUPLES("Queer and bi couples"),
	HETEROSEXUAL_COUPLES("Heterosexual couples"),
	TRANS_NONBINARY("Trans and non-binary clients"),
	POLYAMOROUS("Polyamorous and ENM relationships"),
	INTERRACIAL_COUPLES("Interracial couples"),
	INTERFAITH_COUPLES("Interfaith couples"),
	IMMIGRANT("Immigrant and bicultural clients"),
	BIPOC("BIPOC clients"),
	LGBTQ_INDIVIDUALS("LGBTQ+ individuals"),
	ADOLESCENTS("Adolescents"),
	OLDER_ADULTS("Older adults"),
	VETERANS("Veterans");

	private final String displayName;

	Population(String displayName) {
		this.displayName = displayName;
	}

	public String displayName() {
		return displayName;
	}
}
