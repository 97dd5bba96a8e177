package dev.mana.stt.text;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whisper's languages in token order (whisper/tokenizer.py LANGUAGES): the i-th language token
 * is {@code <|startoftranscript|> + 1 + i}. Models with 51,865 tokens know the first 99;
 * large-v3 and turbo (51,866) add Cantonese.
 */
public final class WhisperLanguages {

    /** ISO codes, in token order. */
    public static final List<String> CODES = List.of(
            "en", "zh", "de", "es", "ru", "ko", "fr", "ja", "pt", "tr", "pl", "ca", "nl", "ar", "sv", "it", "id", "hi",
            "fi", "vi", "he", "uk", "el", "ms", "cs", "ro", "da", "hu", "ta", "no", "th", "ur", "hr", "bg", "lt", "la",
            "mi", "ml", "cy", "sk", "te", "fa", "lv", "bn", "sr", "az", "sl", "kn", "et", "mk", "br", "eu", "is", "hy",
            "ne", "mn", "bs", "kk", "sq", "sw", "gl", "mr", "pa", "si", "km", "sn", "yo", "so", "af", "oc", "ka", "be",
            "tg", "sd", "gu", "am", "yi", "lo", "uz", "fo", "ht", "ps", "tk", "nn", "mt", "sa", "lb", "my", "bo", "tl",
            "mg", "as", "tt", "haw", "ln", "ha", "ba", "jw", "su", "yue");

    /** English names, as OpenAI's verbose_json reports the language. */
    public static final List<String> NAMES = List.of(
            "english",
            "chinese",
            "german",
            "spanish",
            "russian",
            "korean",
            "french",
            "japanese",
            "portuguese",
            "turkish",
            "polish",
            "catalan",
            "dutch",
            "arabic",
            "swedish",
            "italian",
            "indonesian",
            "hindi",
            "finnish",
            "vietnamese",
            "hebrew",
            "ukrainian",
            "greek",
            "malay",
            "czech",
            "romanian",
            "danish",
            "hungarian",
            "tamil",
            "norwegian",
            "thai",
            "urdu",
            "croatian",
            "bulgarian",
            "lithuanian",
            "latin",
            "maori",
            "malayalam",
            "welsh",
            "slovak",
            "telugu",
            "persian",
            "latvian",
            "bengali",
            "serbian",
            "azerbaijani",
            "slovenian",
            "kannada",
            "estonian",
            "macedonian",
            "breton",
            "basque",
            "icelandic",
            "armenian",
            "nepali",
            "mongolian",
            "bosnian",
            "kazakh",
            "albanian",
            "swahili",
            "galician",
            "marathi",
            "punjabi",
            "sinhala",
            "khmer",
            "shona",
            "yoruba",
            "somali",
            "afrikaans",
            "occitan",
            "georgian",
            "belarusian",
            "tajik",
            "sindhi",
            "gujarati",
            "amharic",
            "yiddish",
            "lao",
            "uzbek",
            "faroese",
            "haitian creole",
            "pashto",
            "turkmen",
            "nynorsk",
            "maltese",
            "sanskrit",
            "luxembourgish",
            "myanmar",
            "tibetan",
            "tagalog",
            "malagasy",
            "assamese",
            "tatar",
            "hawaiian",
            "lingala",
            "hausa",
            "bashkir",
            "javanese",
            "sundanese",
            "cantonese");

    private WhisperLanguages() {}

    /** The index of a language given as a code ("en") or an English name ("English"). */
    public static Optional<Integer> indexOf(String codeOrName) {
        String key = codeOrName.strip().toLowerCase(Locale.ROOT);
        int index = CODES.indexOf(key);
        if (index < 0) {
            index = NAMES.indexOf(key);
        }
        return index < 0 ? Optional.empty() : Optional.of(index);
    }
}
