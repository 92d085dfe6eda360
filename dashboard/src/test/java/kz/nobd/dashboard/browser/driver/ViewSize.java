package kz.nobd.dashboard.browser.driver;

/** The two screens the pages are checked on: a laptop and a phone (CSS pixels of the viewport). */
public enum ViewSize {
    DESKTOP(1366, 768),
    PHONE(390, 844);

    public final int width;
    public final int height;

    ViewSize(int width, int height) {
        this.width = width;
        this.height = height;
    }
}
