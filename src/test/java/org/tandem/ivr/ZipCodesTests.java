package org.tandem.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tandem.core.UsState;

class ZipCodesTests {

	static final ZipCodes ZIPS = ZipCodes.shipped();

	@ParameterizedTest(name = "{0} is in {1}")
	@CsvSource(textBlock = """
			10001, NY
			78701, TX
			94103, CA
			60601, IL
			20001, DC
			00901, PR
			00802, VI
			96910, GU
			96799, AS
			96950, MP
			96701, HI
			99501, AK
			96813, HI
			02108, MA
			88510, TX
			73301, TX
			73101, OK
			20110, VA
			20601, MD
			89501, NV
			05501, MA
			""")
	void findsTheStateOfAKnownZipCode(String zip, UsState state) {
		assertThat(ZIPS.stateOf(zip)).contains(state);
	}

	@ParameterizedTest(name = "{0} is in no state")
	@ValueSource(strings = { "09001", "34001", "96201", "00000", "96940", "96960" })
	void militaryAndUnassignedPrefixesAreInNoState(String zip) {
		assertThat(ZIPS.stateOf(zip)).isEmpty();
	}

	@ParameterizedTest(name = "''{0}'' is not a ZIP code")
	@ValueSource(strings = { "", "7870", "787011", "7870a", "78 01" })
	void somethingOtherThanFiveDigitsIsNoZipCode(String zip) {
		assertThat(ZIPS.stateOf(zip)).isEmpty();
	}
}
