package dev.mana.extract.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class DomShapeTest {

    @Test
    void replace_parentSeesTheNewChildAtOnce_evenWithItsChildListCached() {
        Element parent = Jsoup.parse("<div id=parent><div id=old><p>text</p></div><p id=next>more</p></div>")
                .getElementById("parent");
        Element old = parent.child(0);
        Element inner = old.child(0);
        assertThat(parent.childrenSize()).isEqualTo(2); // primes jsoup's cached element-children list

        DomShape.replace(old, inner);

        assertThat(parent.child(0)).isSameAs(inner);
        assertThat(parent.childrenSize()).isEqualTo(2);
        assertThat(old.parent()).isNull();
    }
}
