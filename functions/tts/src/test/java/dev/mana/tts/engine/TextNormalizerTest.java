package dev.mana.tts.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNormalizerTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "I have 3 apples.|I have three apples.",
                "It costs $5.50 today.|It costs five dollars and fifty cents today.",
                "It costs $1, or €20.|It costs one dollar, or twenty euros.",
                "A 1,234,567 crowd.|A one million two hundred thirty-four thousand five hundred sixty-seven crowd.",
                "Pi is 3.14.|Pi is three point one four.",
                "Born in 1999, back in the 1980s.|Born in nineteen ninety-nine, back in the nineteen eighties.",
                "In 2005 and 2024.|In two thousand five and twenty twenty-four.",
                "On 2024-03-15 we met.|On March fifteenth, twenty twenty-four we met.",
                "On March 3rd we met.|On March third we met.",
                "He came 2nd of 21.|He came second of twenty-one.",
                "Meet at 3:05 pm or 9:00.|Meet at three oh five p m or nine o'clock.",
                "Run 5 km at 12 km/h.|Run five kilometers at twelve kilometers per hour.",
                "It weighs 1 kg, it is 20°C.|It weighs one kilogram, it is twenty degrees Celsius.",
                "Growth was 12.5%.|Growth was twelve point five percent.",
                "Dr. Smith met Mr. Jones vs. Mrs. Lee.|Doctor Smith met Mister Jones versus Missus Lee.",
                "Apples, pears, etc. are fruit.|Apples, pears, et cetera are fruit.",
                "It was No. 7.|It was number seven.",
                "Call 12345678901234567890 now.|Call one two three four five six seven eight nine zero one two three four five six seven eight nine zero now.",
                "It’s -4 outside.|It's minus four outside."
            })
    void writtenForms_areSpoken(String written, String spoken) {
        assertThat(TextNormalizer.normalize(written)).isEqualTo(spoken);
    }
}
