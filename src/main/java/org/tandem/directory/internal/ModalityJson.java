package org.tandem.directory.internal;

import org.tandem.core.Tags;
import org.tandem.directory.Modality;
import org.tandem.directory.Verification;

record ModalityJson(String name, String verification) {

	static ModalityJson of(Modality modality) {
		return new ModalityJson(modality.name(), modality.verification().name());
	}

	/** Unless someone checked a certificate or a training, the practice only has the therapist's word. */
	Modality toModality(String path) {
		return new Modality(Tags.normalize(name, path + ".name"), verification == null ? Verification.SELF_REPORTED
				: Input.oneOf(Verification.class, verification, path + ".verification"));
	}
}
