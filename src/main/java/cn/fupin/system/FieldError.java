package cn.fupin.system;

/**
 * One bad field of a request, named by its JSON path ({@code members[1].idNumber}). The message never
 * repeats the rejected value: it may be an ID number or a name.
 */
public record FieldError(String field, String message) {}
