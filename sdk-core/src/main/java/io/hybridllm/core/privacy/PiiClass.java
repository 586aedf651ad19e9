package io.hybridllm.core.privacy;

/** The coarse class of a detected item; levels and routing rules are written per class. */
public enum PiiClass {
    PERSON,
    LOCATION,
    CONTACT,
    FINANCIAL,
    GOV_ID,
    SECRET,
    HEALTH,
    OTHER
}
