package io.newswatch.enrich.compat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import opennlp.tools.util.InvalidFormatException;

/**
 * Rewrites an OpenNLP 1.x feature generator descriptor ({@code <generators>} root, element names
 * such as {@code <window>}, {@code <cache>}, {@code <custom class=...>}) into the 2.x format
 * ({@code <featureGenerators>} root, {@code <generator class=...Factory>} elements with typed
 * parameters). Descriptors already in the 2.x format are returned unchanged.
 */
public final class ClassicDescriptorConverter {

    private static final String PKG = "opennlp.tools.util.featuregen.";

    /** Classic element names that take no parameters, and the 2.x factory for each. */
    private static final Map<String, String> SIMPLE = Map.of(
            "token", PKG + "TokenFeatureGeneratorFactory",
            "prevmap", PKG + "PreviousMapFeatureGeneratorFactory",
            "definition", PKG + "OutcomePriorFeatureGeneratorFactory",
            "bigram", PKG + "BigramNameFeatureGeneratorFactory",
            "tokenpattern", PKG + "TokenPatternFeatureGeneratorFactory",
            "docbegin", PKG + "DocumentBeginFeatureGeneratorFactory");

    private ClassicDescriptorConverter() {
    }

    public static boolean isClassic(byte[] descriptor) throws IOException {
        return parse(descriptor).getDocumentElement().getTagName().equals("generators");
    }

    public static byte[] convert(byte[] descriptor) throws IOException {
        Document classic = parse(descriptor);
        Element root = classic.getDocumentElement();
        if (!root.getTagName().equals("generators")) {
            return descriptor;
        }
        Document modern;
        try {
            modern = newBuilderFactory().newDocumentBuilder().newDocument();
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        Element featureGenerators = modern.createElement("featureGenerators");
        featureGenerators.setAttribute("name", "nameFinder");
        modern.appendChild(featureGenerators);
        List<Element> top = children(root);
        // 2.x only caches at the top level, via an attribute.
        if (top.size() == 1 && top.get(0).getTagName().equals("cache")) {
            featureGenerators.setAttribute("cache", "true");
            top = children(top.get(0));
            if (top.size() == 1 && top.get(0).getTagName().equals("generators")) {
                top = children(top.get(0));
            }
        }
        for (Element child : top) {
            featureGenerators.appendChild(convert(child, modern));
        }
        return serialize(modern);
    }

    private static Element convert(Element classic, Document out) throws InvalidFormatException {
        String tag = classic.getTagName();
        switch (tag) {
            case "generators": {
                Element g = generator(out, AggregateFeatureGeneratorFactory.class.getName());
                for (Element child : children(classic)) {
                    g.appendChild(convert(child, out));
                }
                return g;
            }
            case "window": {
                Element g = generator(out, PKG + "WindowFeatureGeneratorFactory");
                g.appendChild(param(out, "int", "prevLength", classic.getAttribute("prevLength")));
                g.appendChild(param(out, "int", "nextLength", classic.getAttribute("nextLength")));
                List<Element> kids = children(classic);
                if (kids.size() != 1) {
                    throw new InvalidFormatException("<window> must contain exactly one generator");
                }
                g.appendChild(convert(kids.get(0), out));
                return g;
            }
            case "custom": {
                Element g = generator(out, ClassicCustomFeatureGeneratorFactory.class.getName());
                NamedNodeMap attributes = classic.getAttributes();
                g.appendChild(param(out, "str", ClassicCustomFeatureGeneratorFactory.CLASS_PARAMETER,
                        classic.getAttribute("class")));
                for (int i = 0; i < attributes.getLength(); i++) {
                    Attr a = (Attr) attributes.item(i);
                    if (!a.getName().equals("class")) {
                        g.appendChild(param(out, "str", a.getName(), a.getValue()));
                    }
                }
                return g;
            }
            case "tokenclass": {
                Element g = generator(out, PKG + "TokenClassFeatureGeneratorFactory");
                g.appendChild(param(out, "bool", "wordAndClass", "true"));
                return g;
            }
            case "sentence": {
                Element g = generator(out, PKG + "SentenceFeatureGeneratorFactory");
                g.appendChild(param(out, "bool", "begin", orDefault(classic.getAttribute("begin"), "true")));
                g.appendChild(param(out, "bool", "end", orDefault(classic.getAttribute("end"), "true")));
                return g;
            }
            case "charngram": {
                Element g = generator(out, PKG + "CharacterNgramFeatureGeneratorFactory");
                g.appendChild(param(out, "int", "min", classic.getAttribute("min")));
                g.appendChild(param(out, "int", "max", classic.getAttribute("max")));
                return g;
            }
            case "prefix":
            case "suffix": {
                Element g = generator(out, PKG + (tag.equals("prefix") ? "Prefix" : "Suffix") + "FeatureGeneratorFactory");
                g.appendChild(param(out, "int", "length", orDefault(classic.getAttribute("length"), "4")));
                return g;
            }
            case "dictionary":
            case "brownclustertoken":
            case "brownclustertokenclass":
            case "brownclusterbigram":
            case "wordcluster": {
                String factory = switch (tag) {
                    case "dictionary" -> "DictionaryFeatureGeneratorFactory";
                    case "brownclustertoken" -> "BrownClusterTokenFeatureGeneratorFactory";
                    case "brownclustertokenclass" -> "BrownClusterTokenClassFeatureGeneratorFactory";
                    case "brownclusterbigram" -> "BrownClusterBigramFeatureGeneratorFactory";
                    default -> "WordClusterFeatureGeneratorFactory";
                };
                Element g = generator(out, PKG + factory);
                g.appendChild(param(out, "str", "dict", classic.getAttribute("dict")));
                if (classic.hasAttribute("prefix")) {
                    g.appendChild(param(out, "str", "prefix", classic.getAttribute("prefix")));
                }
                return g;
            }
            default: {
                String factory = SIMPLE.get(tag);
                if (factory == null) {
                    throw new InvalidFormatException("unsupported classic feature generator element <" + tag + ">");
                }
                return generator(out, factory);
            }
        }
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }

    private static Element generator(Document out, String factoryClass) {
        Element g = out.createElement("generator");
        g.setAttribute("class", factoryClass);
        return g;
    }

    private static Element param(Document out, String type, String name, String value) {
        Element p = out.createElement(type);
        p.setAttribute("name", name);
        p.setTextContent(value);
        return p;
    }

    private static List<Element> children(Element e) {
        List<Element> result = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                result.add(child);
            }
        }
        return result;
    }

    private static DocumentBuilderFactory newBuilderFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        return factory;
    }

    private static Document parse(byte[] xml) throws IOException {
        try {
            return newBuilderFactory().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new InvalidFormatException("feature generator descriptor is not valid XML: " + e.getMessage(), e);
        }
    }

    private static byte[] serialize(Document doc) throws IOException {
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            t.transform(new DOMSource(doc), new StreamResult(bytes));
            return bytes.toByteArray();
        } catch (javax.xml.transform.TransformerException e) {
            throw new IOException("cannot write feature generator descriptor", e);
        }
    }
}
