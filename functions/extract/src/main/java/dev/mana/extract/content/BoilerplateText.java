package dev.mana.extract.content;

import java.util.regex.Pattern;

/**
 * What boilerplate says, in the languages of the pages we see most (English, German, French,
 * Spanish, Italian, Polish): the lines a reader skips as not the article. Each pattern is matched
 * against one short block's whole text, case-folded and with spaces collapsed.
 */
final class BoilerplateText {

    private BoilerplateText() {}

    /** A heading or lead-in that opens a list of other stories. */
    static final Pattern RELATED = ci("^(related|related (articles?|posts?|stories|coverage|content|links|topics)"
            + "|more (from|on|about|stories|articles|news|to read|in)\\b.*|read (more|also|next)|also read"
            + "|recommended( for you| stories| articles| reading)?|you (may|might) also (like|enjoy)|see also"
            + "|(das |dies )?(könnte|dürfte) (sie|dich) auch interessieren|(das )?thema könnte dich auch interessieren"
            + "|auch interessant|ebenfalls interessant|ähnliche (beiträge|artikel|themen|posts)|verwandte (beiträge|artikel)"
            + "|mehr (zum thema|zu(m)? diesem thema|themen|dazu|aus (dem|der) ressort|artikel|beiträge)\\b.*"
            + "|weitere (artikel|beiträge|meldungen|nachrichten|themen|links|videos)\\b.*"
            + "|weiterführende[rn]? (links?|artikel|beiträge|informationen|literatur)|weitere informationen( zum thema)?|more information|further (information|reading)|zum weiterlesen|schon gelesen"
            + "|lesen sie (auch|mehr|hier|weiter)\\b.*|empfohlene (beiträge|artikel)|(die )?neuesten? (artikel|beiträge|posts)"
            + "|beiträge zum thema|top[- ]?(themen|artikel|stories)|meistgelesen|meist gelesen|beliebte (beiträge|artikel)"
            + "|das (könnte|dürfte) sie auch interessieren|(à )?lire aussi|sur le même (sujet|thème)|à voir aussi"
            + "|lea (también|más|además)|le puede interesar|te puede interesar|noticias relacionadas|mira"
            + "|leggi anche|articoli correlati|czytaj (też|także|więcej|również)|zobacz (też|także|również)"
            + "|polecane|popularne|auch (auf|bei) [\\p{L}.-]+|(\\p{L}+ )?(et \\p{L}+ )?sur le (même )?(sujet|thème))"
            + "\\s*[:.!?…]*$");

    /** Navigation left inside the article: back links, load-more buttons, a lone search label. */
    static final Pattern NAVIGATION =
            ci("^(zurück|back|nach oben|to top|back to top|zurück zur (übersicht|listenansicht"
                    + "|startseite|liste)|back to (overview|list|top|home)|lade weitere inhalte|load more|mehr laden"
                    + "|weitere (inhalte|artikel|beiträge) laden|show more|mehr anzeigen|alle anzeigen|suche|search"
                    + "|vorheriger artikel|nächster artikel|previous (post|article)|next (post|article))\\W*$");

    /** The end of an excerpt that links to the rest of a post elsewhere. */
    static final Pattern READ_MORE = ci("(weiterlesen|read more|continue reading|mehr lesen|lire la suite|leer más"
            + "|leggi tutto|czytaj dalej)\\W{0,5}$");

    /** A paragraph that is only a pointer to another story: "Read more: <link>". */
    static final Pattern POINTER = ci("^(read (more|also)|also read|related|see also|more|watch|listen"
            + "|lesen sie (auch|mehr|hier)|auch interessant|mehr (dazu|zum thema)|zum thema|siehe auch|hier geht es"
            + "|lea (también|más|además)|le(a|e)|mira|ver también|lire aussi|à lire( aussi)?|voir aussi|leggi anche"
            + "|czytaj (też|także|więcej|również)|zobacz (też|także|również))\\b\\s*[:：»>›-]"
            + "|^hier geht('s| es) (zu|zum|zur)\\b");

    /** Licence and reuse notes under a text. */
    static final Pattern LICENCE =
            ci("^(dieser (text|beitrag|artikel) (wurde|ist) (veröffentlicht )?unter (der|einer) lizenz"
                    + "|this (work|article|text|post) is licensed under|sofern nicht anders (ausgewiesen|angegeben|vermerkt)"
                    + "|unless otherwise (noted|stated))");

    /** One cell of a pipe-separated meta row: views, who added it, tags, rating. */
    static final Pattern META_CELL =
            ci("^(aufrufe|views|hits|zugriffe|gelesen|hinzugefügt von|added by|rating|bewertung"
                    + "|tags|kategorie|category|autor|author|von|by|quelle|source)\\s*:");

    /** A download or print link on its own line, a permalink. */
    static final Pattern TOOL_LINK = ci(
            "^(.{0,40} )?(als pdf )?(herunterladen|download(en)?|drucken|print|imprimer"
                    + "|imprimir|stampa|drukuj)\\W*$|^(permalink|permalien|kurz-?link|short ?link|link zum (artikel|beitrag))\\b");

    /** Comment counters, invitations and closed-comment notes, login prompts. */
    static final Pattern COMMENTS = ci("^(\\d+ )?(comments?|kommentare?|commentaires?|comentarios?|komentarze?)"
            + "( \\(\\d+\\))?[:.]?$|^(keine|no|0) (kommentare|comments|commentaires)\\b|^kommentare? (geschlossen|schreiben"
            + "|verfassen|anzeigen|ausblenden|lesen)\\b|^kommentieren$|^comments? (are )?closed\\b|^leave a (comment|reply)"
            + "|^(schreibe|hinterlasse|verfasse) (einen|einen neuen) kommentar|^(sie|du) (müssen|musst) (angemeldet|eingeloggt)"
            + "|^you must be (logged|signed) in|sein,? um (einen )?kommentare? zu (schreiben|verfassen)"
            + "|^(sie sind|du bist) (aktuell |derzeit )?nicht (eingeloggt|angemeldet)"
            + "|akismet|^(diese website|this site) verwendet akismet|uses akismet to reduce spam"
            + "|^(join|start) the (discussion|conversation)|^diskutieren sie mit|^zur diskussion\\b");

    /** Newsletter, membership and follow-us invitations; feedback and share prompts. */
    static final Pattern INVITATIONS = ci(
            "newsletter|^(jetzt |hier )?(abonniere|abonnieren|abonnez|subscribe|sign up"
                    + "|melde dich|melden sie sich)\\b|zapraszamy (też )?do subskrypcji|^hazte (miembro|socio)"
                    + "|^(follow|folge|folgen sie) (us|uns|me|mir)\\b|keep up with (me|us) on|^(du|sie) (findest|finden) uns (auf|bei)"
                    + "|^(war|ist) (der|dieser|dieses) (artikel|beitrag|text|seite) (nützlich|hilfreich)|^was this (article|page|post) "
                    + "(helpful|useful)|^(möchten sie|willst du) (den|diesen) (artikel|beitrag) teilen|^gefällt (dir|ihnen) "
                    + "(unser|dieser|der|das)|^if you (enjoyed|liked) (reading )?this|^(support|unterstützen sie|unterstütze) "
                    + "(us|uns|unsere arbeit|our (work|journalism))\\b|^do you want to be informed|^teilen( sie)?:?$"
                    + "|^follow .{1,60} on (twitter|facebook|instagram|linkedin|x)\\b|^submit your (letter|story|tip)"
                    + "|^we need your help|^help us (continue|keep)|^pour lire la suite|^(um|to) (den|diesen|this) (artikel|article)"
                    + " (weiter|zu ende)? ?(zu )?(lesen|read)|^jetzt weiterlesen|^lesen sie (den|diesen) artikel weiter"
                    + "|^(share|teilen|drucken|print|merken|e-?mail)( (this|dieses?|den) (article|post|artikel|beitrag|seite))?:?$");

    /** Datelines, "Updated" stamps and reading times, on a line of their own. */
    static final Pattern DATELINE = ci(
            "^((erstellt|veröffentlicht|aktualisiert|zuletzt aktualisiert|geändert|stand"
                    + "|publiziert|published|updated|last updated|posted|modified|publié|mis à jour|publicado|actualizado"
                    + "|opublikowano|aktualizacja)( am| on| le| el)?:?\\s*)?"
                    + "((mon|tues|wednes|thurs|fri|satur|sun)day|(montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag))?,?\\s*"
                    + "(\\d{1,2}\\.?\\s*[\\p{L}.]+\\s*\\d{2,4}|\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}|\\d{4}-\\d{2}-\\d{2}|[\\p{L}.]+\\s+\\d{1,2},?\\s+\\d{4})"
                    + "(,?\\s*(um|at|à|a las|-|\\|)?\\s*\\d{1,2}[:.]\\d{2}(\\s*(uhr|am|pm|h))?)?\\.?$"
                    + "|^\\d{1,2}[:.]\\d{2}(\\s*(uhr|am|pm))?$|^\\d+\\s*(min(ute)?s?|minuten)\\.?\\s*(read|lesezeit|lesedauer)$"
                    + "|^(lesezeit|lesedauer|reading time)\\s*:?\\s*\\d+|^(this entry was posted|der beitrag wurde am|dieser (beitrag|eintrag) wurde"
                    + "|posted (in|on|by)\\b|veröffentlicht (in|von|unter)\\b|kategorie(n)?\\s*:|categor(y|ies)\\s*:|tags?\\s*:|schlagwörter\\s*:)");

    /** Photo credits and image furniture: "Foto: …", "Image 1 of 8", a lone "©" line. */
    static final Pattern CREDIT = ci("^(\\(?(foto|fotos|bild|bilder|photo|photos|photograph|image|images|credit|credits"
            + "|quelle|source|titelbild|beitragsbild|headerbild|illustration|grafik|abbildung|copyright|fotocredit"
            + "|bildquelle|bildnachweis|fuente|źródło|zdjęcie|crédit|crédits)\\b\\s*(by|von|via|:|©|\\(c\\))"
            + "|©|\\(c\\) |copyright |(image|bild|foto|photo|slide|picture)\\s+\\d+\\s+(of|von|/|de|sur|z|di)\\s+\\d+$"
            + "|\\d+\\s*/\\s*\\d+$|(zum vergrößern|click to enlarge|klicken sie auf das bild|zum vergrössern)\\b"
            + "|(image|photo|bild|foto) (illustrative|d'illustration|illustratif|illustration)$|beitragsbild$)"
            + "|(getty images|istock(photo)?(\\.com)?|shutterstock(\\.com)?|imago images|picture alliance|unsplash|pixabay"
            + "|adobe ?stock|dpa|afp|reuters|ap photo|keystone)\\)?\\s*$");

    /** A row of share buttons or network names and nothing else. */
    static final Pattern SHARE_ROW =
            ci("^((share|teilen|tweet|twittern|whatsapp|facebook|twitter|x|linkedin|xing|pinterest"
                    + "|e-?mail|mail|drucken|print|reddit|telegram|instagram|youtube|tiktok|flipboard|pocket|threads|mastodon"
                    + "|bluesky|messenger|sms|copy link|link kopieren|kopieren|artikel teilen|share this|share on|teilen auf"
                    + "|auf \\p{L}+ teilen|partager|compartir|condividi|udostępnij)\\b[\\s|·•,/:]*){1,}$");

    /** Ad labels. */
    static final Pattern AD_LABEL = ci("^[-–—\\s]*(anzeige|advertisement|advertising|werbung|reklama|publicidad"
            + "|publicité|pubblicità|sponsored( content)?|gesponsert|promotion)[-–—\\s:]*$");

    /** Author bio and contact headings: what follows is about the writer or the press office. */
    static final Pattern AUTHOR_HEADING = ci("^(über (den|die) (autor|autorin|autoren)|about the authors?|zur person"
            + "|the author|der autor|die autorin|autor(in)?|author|à propos de l'auteur|sobre el autor|o autorze"
            + "|kontakt|contact|pressekontakt|press contact|media contact|ansprechpartner(in)?|kontakt für (rückfragen|medien))"
            + "\\s*:?$");

    /** A byline on its own: "Von: Name", "By Name", "Text: Name". */
    static final Pattern BYLINE = ci("^(von|by|autor|autorin|author|text|interview|redaktion|written by|geschrieben von"
            + "|par|por|przez)\\s*:?\\s+[\\p{L}.' -]{2,50}$");

    /** A post's meta line: when it was published, or where it was filed. */
    static final Pattern META_LINE = ci("^(erstellt|veröffentlicht|geschrieben|gepostet|posted|published|written|filed"
            + "|publié|publicado|opublikowano|news date|datum|date)\\b.{0,40}\\d"
            + "|^(category|kategorie|categories|kategorien|tags|schlagworte|schlagwörter)\\s*:");

    /** "… filed under …": a meta line when it also holds a date. */
    static final Pattern FILED = ci("\\b(abgelegt|filed|veröffentlicht|posted) (unter|under|in)\\b");

    /** A date somewhere in a line. */
    static final Pattern HAS_DATE = ci("\\d{1,2}\\.\\s*(\\d{1,2}\\.|[\\p{L}]{3,})\\s*\\d{2,4}|\\d{4}-\\d{2}-\\d{2}"
            + "|\\d{1,2}/\\d{1,2}/\\d{2,4}|\\b\\p{L}{3,}\\.? \\d{1,2}, \\d{4}");

    private static Pattern ci(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
