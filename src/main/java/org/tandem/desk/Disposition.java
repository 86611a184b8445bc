package org.tandem.desk;

/** How a contact ended, as the agent records it at wrap-up; a fixed list so that it can be counted. */
public enum Disposition {

	BOOKED_INTAKE("Booked intake"),
	INFORMATION_GIVEN("Information given"),
	REFERRED_OUT("Referred out"),
	CRISIS_RESOURCES_GIVEN("Crisis resources given"),
	CALLBACK_SCHEDULED("Callback scheduled"),
	OTHER("Other");

	private final String label;

	Disposition(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
