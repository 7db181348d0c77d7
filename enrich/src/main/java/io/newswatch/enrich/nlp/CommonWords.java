package io.newswatch.enrich.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * English words that are words, not names ("spreads", "dollar", "posts"), with whether they can be
 * a verb. A word the document never writes in lower or title case is otherwise unknowable in an
 * all-capitals or title-case headline; this tells "QANTAS POSTS RECORD PROFIT" apart from a name
 * of four words. Read from the tag dictionary of OpenNLP's classic English part-of-speech model
 * (written lower case there with a tag other than a proper noun's).
 */
public final class CommonWords {

    static final String RESOURCE = "/en-pos-maxent.bin";
    private static final String TAG_DICTIONARY = "tags.tagdict";
    private static final Set<String> VERB_TAGS = Set.of("VB", "VBD", "VBP", "VBZ");

    /** Lower-case word to whether one of its tags is a finite verb or base form. */
    private final Map<String, Boolean> words;

    private CommonWords(Map<String, Boolean> words) {
        this.words = words;
    }

    static CommonWords none() {
        return new CommonWords(Map.of());
    }

    /** Read once per process: every model configuration shares the one word list. */
    private static volatile CommonWords english;

    /** Read from the part-of-speech model bundled with the sentence and token models. */
    static CommonWords english() {
        CommonWords words = english;
        if (words == null) {
            synchronized (CommonWords.class) {
                if (english == null) {
                    english = read();
                }
                words = english;
            }
        }
        return words;
    }

    private static CommonWords read() {
        try (InputStream model = CommonWords.class.getResourceAsStream(RESOURCE)) {
            if (model == null) {
                throw new IOException("model " + RESOURCE + " is missing from the classpath");
            }
            ZipInputStream zip = new ZipInputStream(model);
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals(TAG_DICTIONARY)) {
                    return new CommonWords(read(zip));
                }
            }
            throw new IOException(RESOURCE + " has no " + TAG_DICTIONARY);
        } catch (IOException | XMLStreamException e) {
            throw new UncheckedIOException("cannot read the English word list: " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        }
    }

    private static Map<String, Boolean> read(InputStream in) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader xml = factory.createXMLStreamReader(in, "UTF-8");
        Map<String, Boolean> words = new HashMap<>();
        String tags = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (xml.getLocalName().equals("entry")) {
                tags = xml.getAttributeValue(null, "tags");
            } else if (xml.getLocalName().equals("token") && tags != null) {
                String word = xml.getElementText();
                if (!word.isEmpty() && Character.isLowerCase(word.codePointAt(0)) && !properNounOnly(tags)) {
                    words.put(word, words.getOrDefault(word, false) || hasVerbTag(tags));
                }
            }
        }
        return words;
    }

    private static boolean properNounOnly(String tags) {
        for (String t : tags.split(" ")) {
            if (!t.startsWith("NNP")) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasVerbTag(String tags) {
        for (String t : tags.split(" ")) {
            if (VERB_TAGS.contains(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code lower} (a lower-case word) is an English word that is not a name, itself or as
     * an inflection of one: the list has "knock" but not "knocks".
     */
    public boolean isWord(String lower) {
        return entry(lower) != null;
    }

    /** Whether {@code lower} is such a word and can be a verb ("posts", "jump", "fail"). */
    public boolean canBeVerb(String lower) {
        return Boolean.TRUE.equals(entry(lower));
    }

    /** Whether the word, or a word it is a form of, can be a verb; null when it is no word. */
    private Boolean entry(String lower) {
        Boolean verb = words.get(lower);
        for (String stem : stems(lower)) {
            Boolean v = words.get(stem);
            verb = v == null ? verb : verb == null ? v : Boolean.valueOf(verb || v);
        }
        return verb;
    }

    /** The words {@code lower} may be an -s, -ed or -ing form of. */
    private static List<String> stems(String lower) {
        List<String> stems = new ArrayList<>(3);
        int n = lower.length();
        if (n > 3 && lower.endsWith("s") && !lower.endsWith("ss")) {
            stems.add(lower.substring(0, n - 1));
            if (lower.endsWith("es")) {
                stems.add(lower.substring(0, n - 2));
            }
            if (lower.endsWith("ies")) {
                stems.add(lower.substring(0, n - 3) + "y");
            }
        } else if (n > 4 && lower.endsWith("ed")) {
            stems.add(lower.substring(0, n - 2));
            stems.add(lower.substring(0, n - 1));
        } else if (n > 5 && lower.endsWith("ing")) {
            stems.add(lower.substring(0, n - 3));
            stems.add(lower.substring(0, n - 3) + "e");
        }
        return stems;
    }

    public int size() {
        return words.size();
    }
}
