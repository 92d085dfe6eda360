package kz.nobd.contracts.events;

/** How a school is connected to the internet; NONE exactly when it is not connected. */
public enum InternetTechnology {
    FIBER, DSL, SATELLITE, MOBILE, RADIO, NONE
}
