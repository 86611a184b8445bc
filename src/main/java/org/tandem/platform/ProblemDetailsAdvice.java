package org.tandem.platform;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.tandem.core.Conflict;
import org.tandem.core.InvalidInput;
import org.tandem.core.NotFound;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every failure at the HTTP edge becomes an RFC 9457 problem; a 400 names the field that was wrong in
 * {@code field} (and all of them in {@code errors} when bean validation found several).
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final URI INVALID = URI.create("urn:tandem:problem:invalid-input");

	@ExceptionHandler(InvalidInput.class)
	ProblemDetail invalidInput(InvalidInput e) {
		return invalid(e.field(), e.getMessage());
	}

	@ExceptionHandler(NotFound.class)
	ProblemDetail notFound(NotFound e) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
		problem.setType(URI.create("urn:tandem:problem:not-found"));
		return problem;
	}

	@ExceptionHandler(Conflict.class)
	ProblemDetail conflict(Conflict e) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
		problem.setType(URI.create("urn:tandem:problem:conflict"));
		return problem;
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
		return invalid(e.getName(), "'" + e.getValue() + "' is not a valid " + e.getName());
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		for (Throwable cause = e; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidInput invalid) {
				return ResponseEntity.badRequest().body(invalid(qualified(e, invalid.field()), invalid.getMessage()));
			}
		}
		JacksonException jackson = find(e, JacksonException.class);
		if (jackson != null && !jackson.getPath().isEmpty()) {
			String field = path(jackson.getPath());
			return ResponseEntity.badRequest().body(invalid(field, "'" + field + "' must be " + expected(jackson)));
		}
		return ResponseEntity.badRequest().body(invalid(null, "The request body is not valid JSON"));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Map<String, String> errors = e.getBindingResult().getFieldErrors().stream()
			.collect(Collectors.toMap(f -> f.getField(), f -> String.valueOf(f.getDefaultMessage()), (a, b) -> a));
		var first = e.getBindingResult().getFieldErrors().get(0);
		var problem = invalid(first.getField(), first.getField() + " " + first.getDefaultMessage());
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	/** What the field should have held, in the words of the API rather than of Java. */
	private static String expected(JacksonException e) {
		Class<?> type = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
		if (type == null) {
			return "well-formed";
		}
		if (type.isEnum()) {
			return "one of " + java.util.Arrays.toString(type.getEnumConstants());
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
			return "a whole number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (type == java.util.UUID.class) {
			return "an id (UUID)";
		}
		if (type == java.time.LocalDate.class) {
			return "a date (YYYY-MM-DD)";
		}
		if (type == java.time.LocalTime.class) {
			return "a time of day (HH:MM)";
		}
		if (type == String.class) {
			return "text";
		}
		if (java.util.Collection.class.isAssignableFrom(type)) {
			return "a list";
		}
		return "an object of the documented shape (" + type.getSimpleName() + ")";
	}

	private static ProblemDetail invalid(String field, String message) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
		problem.setType(INVALID);
		problem.setTitle("Invalid input");
		if (field != null) {
			problem.setProperty("field", field);
		}
		return problem;
	}

	/**
	 * A field named inside a nested value (a license, a step) is reported with the JSON path to it; a
	 * value that does not know its own field name (a phone number, a language) is named by the path alone.
	 */
	private static String qualified(Throwable e, String field) {
		JacksonException jackson = find(e, JacksonException.class);
		if (jackson == null || jackson.getPath().isEmpty()) {
			return field;
		}
		String prefix = path(jackson.getPath());
		if (field == null || field.isEmpty() || prefix.endsWith(field)) {
			return prefix.isEmpty() ? field : prefix;
		}
		return prefix.isEmpty() ? field : prefix + "." + field;
	}

	private static String path(List<JacksonException.Reference> references) {
		var path = new StringBuilder();
		for (var reference : references) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static <T extends Throwable> T find(Throwable e, Class<T> type) {
		for (Throwable cause = e; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}
}
