package dev.mana.extract.content;

/** Counts words as runs of letters or digits, so punctuation and markup never count. */
final class WordCount {

    private WordCount() {}

    static int of(String text) {
        if (text == null) {
            return 0;
        }
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean wordChar = Character.isLetterOrDigit(cp);
            if (wordChar && !inWord) {
                count++;
            }
            inWord = wordChar;
            i += Character.charCount(cp);
        }
        return count;
    }
}
