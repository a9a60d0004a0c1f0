package cn.fupin.system;

import java.io.IOException;

/** A request body over the configured limit; answered 413. */
public class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException(long limit) {
        super("The body is larger than the limit of " + limit + " bytes");
    }
}
