package kz.nobd.contracts.events;

/** Kinds of equipment in an equipment report; DESKTOP, LAPTOP and TABLET count as computers. */
public enum DeviceKind {
    DESKTOP, LAPTOP, TABLET, INTERACTIVE_PANEL, PROJECTOR, OTHER
}
