package org.tandem.directory.internal;

import static org.tandem.core.InvalidInput.require;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.regex.Pattern;

import org.tandem.directory.Availability;
import org.tandem.directory.Fees;
import org.tandem.directory.StaffMember;
import org.tandem.directory.TimeOff;
import org.tandem.directory.WeeklyHours;

/**
 * What a staff member must satisfy before they are stored. Each failure names the JSON path of the
 * field, the same path whether the member came through the API or from Java.
 */
final class StaffRules {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	/** Plain characters only, because the registrar compares user parts byte for byte (RFC 3261 §19.1.4). */
	private static final Pattern SIP_USER = Pattern.compile("[A-Za-z0-9._~-]{1,64}");

	private StaffRules() {
	}

	static void check(StaffMember member, LocalDate today) {
		require(member.name() != null && !member.name().isBlank(), "name", "a name is required");
		require(member.role() != null, "role", "a role is required (THERAPIST or FRONT_DESK)");
		require(member.email() == null || EMAIL.matcher(member.email()).matches(), "email",
				"'" + member.email() + "' is not an email address");
		require(member.sipUser() == null || SIP_USER.matcher(member.sipUser()).matches(), "sipUser",
				"a SIP user is 1 to 64 letters, digits, dots, dashes, underscores or tildes");
		require(!member.languages().isEmpty(), "languages", "at least one language is required");
		LicensureRules.check(member, today);
		checkFees(member);
		checkAvailability(member.availability());
		member.capacity().forEach((channel, count) -> require(count >= 0, "capacity." + channel,
				"capacity cannot be negative; 0 means no " + channel + " contacts"));
	}

	private static void checkFees(StaffMember member) {
		Fees fees = member.fees();
		if (fees == null) {
			require(!member.isTherapist(), "fees", "a therapist needs fees, at least the standard one");
			return;
		}
		require(fees.standard() >= 0, "fees.standard", "a fee cannot be negative");
		require(fees.slidingMin() == null || fees.slidingMin() >= 0, "fees.slidingMin", "a fee cannot be negative");
		require(fees.slidingMin() == null || fees.slidingMin() <= fees.standard(), "fees.slidingMin",
				"the sliding scale runs down from the standard fee (" + fees.standard()
						+ "), so it cannot start above it");
		require(fees.couplesFee() == null || fees.couplesFee() >= 0, "fees.couplesFee", "a fee cannot be negative");
		require(fees.lowFeeSlots() >= 0, "fees.lowFeeSlots", "the number of low-fee slots cannot be negative");
	}

	private static void checkAvailability(Availability availability) {
		require(availability != null, "availability", "availability is required, at least the time zone");
		require(availability.zone() != null, "availability.zone", "a time zone is required");
		for (int i = 0; i < availability.weekly().size(); i++) {
			checkWeeklyHours(availability.weekly().get(i), "availability.weekly[" + i + "]");
		}
		for (int i = 0; i < availability.timeOff().size(); i++) {
			checkTimeOff(availability.timeOff().get(i), "availability.timeOff[" + i + "]");
		}
	}

	private static void checkWeeklyHours(WeeklyHours hours, String path) {
		require(hours.day() != null, path + ".day", "a weekday is required");
		require(hours.from() != null, path + ".from", "a start time is required");
		require(hours.to() != null, path + ".to", "an end time is required");
		require(hours.from().isBefore(hours.to()) || hours.to().equals(LocalTime.MIDNIGHT), path + ".to",
				"hours must end after they start (" + hours.from() + "); write 00:00 for midnight, "
						+ "and split a window that crosses midnight into two days");
	}

	private static void checkTimeOff(TimeOff off, String path) {
		require(off.from() != null, path + ".from", "a start is required");
		require(off.to() != null, path + ".to", "an end is required");
		require(off.from().isBefore(off.to()), path + ".to", "time off must end after it starts (" + off.from() + ")");
	}
}
