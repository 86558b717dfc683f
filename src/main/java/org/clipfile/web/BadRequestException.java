package org.clipfile.web;

class BadRequestException extends RuntimeException {
    BadRequestException(String message) {
        super(message);
    }
}
