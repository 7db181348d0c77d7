package io.newswatch.registry;

/**
 * A schema registry request failed.
 *
 * <p>{@link #status()} is the HTTP status ({@link #NO_RESPONSE} when no registry answered) and
 * {@link #errorCode()} the Confluent {@code error_code} from the response body (e.g. 40401 subject
 * not found, 40403 schema not found, 409 incompatible), or the HTTP status when the body had none.
 */
public class SchemaRegistryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Status used when no registry could be reached at all. */
    public static final int NO_RESPONSE = -1;

    /** Confluent error codes this project reacts to. */
    public static final int SUBJECT_NOT_FOUND = 40401;
    public static final int VERSION_NOT_FOUND = 40402;
    public static final int SCHEMA_NOT_FOUND = 40403;
    public static final int SUBJECT_COMPATIBILITY_NOT_CONFIGURED = 40408;
    public static final int INCOMPATIBLE_SCHEMA = 409;
    public static final int INVALID_SCHEMA = 42201;

    private final int status;
    private final int errorCode;
    private final String registryMessage;

    public SchemaRegistryException(int status, int errorCode, String registryMessage, Throwable cause) {
        super(describe(status, errorCode, registryMessage), cause);
        this.status = status;
        this.errorCode = errorCode;
        this.registryMessage = registryMessage;
    }

    public SchemaRegistryException(int status, int errorCode, String registryMessage) {
        this(status, errorCode, registryMessage, null);
    }

    /** HTTP status, or {@link #NO_RESPONSE}. */
    public int status() {
        return status;
    }

    /** Confluent {@code error_code}, or the HTTP status when the registry sent none. */
    public int errorCode() {
        return errorCode;
    }

    /** The registry's own message (without the status prefix). */
    public String registryMessage() {
        return registryMessage;
    }

    /** True for the 404 family: subject, version or schema does not exist. */
    public boolean isNotFound() {
        return status == 404;
    }

    private static String describe(int status, int errorCode, String message) {
        if (status == NO_RESPONSE) {
            return message;
        }
        return "Schema registry error (HTTP " + status + ", error_code " + errorCode + "): " + message;
    }
}
