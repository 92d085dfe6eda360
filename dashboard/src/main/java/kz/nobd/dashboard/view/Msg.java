package kz.nobd.dashboard.view;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the pages: Kazakh here (the default locale), Russian in messages/msg_ru.properties. Templates read
 * them as {msg:key}; a key built from data (an indicator, a status) as {msg:message(key)}.
 */
@MessageBundle(value = "msg", locale = "kk")
public interface Msg {
    @Message("НОБД — Ұлттық білім беру деректер қоры")
    String app_name();

    @Message("Негізгі мазмұнға өту")
    String skip();

    @Message("Тіл")
    String language();

    @Message("Шығу")
    String logout();

    @Message("министрлік")
    String role_ministry();

    @Message("облыс басқармасы")
    String role_oblast();

    @Message("мектеп")
    String role_school();

    @Message("Қазақстан Республикасы")
    String country();

    @Message("Деңгейлер")
    String breadcrumbs();

    @Message("Күні")
    String as_of();

    @Message("Негізгі көрсеткіштер")
    String card_title();

    @Message("Барлығы")
    String all_schools();

    @Message("Қала")
    String urban();

    @Message("Ауыл")
    String rural();

    @Message("Қала мен ауыл айырмасы")
    String gap();

    @Message("Оқушылар")
    String ind_students();

    @Message("Мектептер")
    String ind_schools();

    @Message("Бір компьютерге шаққандағы оқушылар")
    String ind_studentsPerComputer();

    @Message("Интернетке қосылған мектептер үлесі")
    String ind_connectedShare();

    @Message("Жылдамдығы ≥ 4 Мбит/с мектептер үлесі")
    String ind_broadbandShare();

    @Message("Ауыстыруды қажет ететін компьютерлер үлесі")
    String ind_needsReplacementShare();

    @Message("Көрсеткіш")
    String indicator_choose();

    @Message("Көрсету")
    String show();

    @Message("Картада")
    String map_title();

    @Message("Түсі неғұрлым қою болса, соғұрлым жақсы; мәні әр тақтада жазылған. Бірлікті басыңыз — ішіне өтесіз.")
    String map_note();

    @Message("Бағандық диаграмма")
    String bars_title();

    @Message("Кестені көрсету")
    String show_table();

    @Message("CSV жүктеп алу")
    String download_csv();

    @Message("Атауы")
    String name();

    @Message("Жабдық туралы есеп бергендер")
    String reported();

    @Message("Облыстар")
    String below_OBLAST();

    @Message("Аудандар")
    String below_DISTRICT();

    @Message("Мектептер")
    String below_SCHOOL();

    @Message("Бұл деңгейде әзірге деректер жоқ.")
    String nothing_below();

    @Message("Көрсеткіштер динамикасы (ай сайын, соңғы екі оқу жылы)")
    String trend_title();

    @Message("Күні")
    String date();

    @Message("Жүктелуде…")
    String loading();

    @Message("Бөлек бетте ашу")
    String open_part();

    @Message("Есептердің толықтығы")
    String completeness_title();

    @Message("Есепті кезең")
    String period();

    @Message("Санақ күні")
    String census_date();

    @Message("Есеп беруі тиіс мектептер")
    String expected();

    @Message("Әлі есеп бермегендер")
    String not_reported();

    @Message("Мәртебесі")
    String status();

    @Message("жоба (қол қойылмаған)")
    String status_DRAFT();

    @Message("қол қойылған")
    String status_SIGNED();

    @Message("қабылданған")
    String status_ACCEPTED();

    @Message("қайтарылған")
    String status_RETURNED();

    @Message("бекітілген")
    String status_LOCKED();

    @Message("Есепті кезең ашылмаған: 1 қыркүйектен бері жабдық туралы есептер көрсетілген.")
    String no_period();

    @Message("Барлық мектептер есеп берді.")
    String all_reported();

    @Message("Мектеп")
    String school();

    @Message("Аудан")
    String district();

    @Message("Облыс")
    String oblast();

    @Message("Сыныптар мен жынысы бойынша оқушылар")
    String enrolment_title();

    @Message("Сынып")
    String grade();

    @Message("Қыздар")
    String girls();

    @Message("Ұлдар")
    String boys();

    @Message("Барлығы")
    String total();

    @Message("Жабдықталуы мен интернет: аудан және облыспен салыстыру")
    String comparison_title();

    @Message("Қабылданбаған жіберілімдер (түзету қажет)")
    String rejections_title();

    @Message("Қайшылықтар: басқа мектеп те өзінікі деп көрсеткен оқушылар")
    String conflicts_title();

    @Message("Жоқ.")
    String none();

    @Message("Себебі")
    String reason();

    @Message("Түсініктеме")
    String detail();

    @Message("Уақыты")
    String when();

    @Message("Түрі")
    String kind();

    @Message("ЖСН")
    String iin();

    @Message("Басқа мектеп")
    String other_school();

    @Message("Бұл бөлім қазір қолжетімсіз")
    String section_unavailable();

    @Message("Қате")
    String error_title();

    @Message("Сұрау дұрыс емес")
    String error_400();

    @Message("Сіздің рөліңізге бұл қолжетімсіз")
    String error_403();

    @Message("Табылмады немесе сіздің құзыретіңізден тыс")
    String error_404();

    @Message("Қызмет уақытша қолжетімсіз, сәлден соң қайталаңыз")
    String error_503();

    @Message("Күтпеген қате")
    String error_other();

    @Message("Басты бетке")
    String back_home();
}
