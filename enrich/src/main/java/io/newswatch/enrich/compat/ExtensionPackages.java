package io.newswatch.enrich.compat;

import java.util.LinkedHashSet;
import java.util.Set;

import opennlp.tools.util.ext.ExtensionLoader;

/**
 * Lets OpenNLP instantiate the classes the bundled NER models name in their descriptors. OpenNLP
 * only loads extension classes from allowed packages ({@code -DOPENNLP_EXT_ALLOWED_PACKAGES});
 * setting that here means users need no JVM flag.
 */
public final class ExtensionPackages {

    static final String PROPERTY = "OPENNLP_EXT_ALLOWED_PACKAGES";
    private static final String[] PACKAGES = {"eus.ixa", "io.newswatch.enrich"};

    private ExtensionPackages() {
    }

    /** Whether {@code className} lies in a package extensions may be loaded from. */
    public static boolean isAllowed(String className) {
        if (className.startsWith("opennlp.")) {
            return true;
        }
        for (String p : System.getProperty(PROPERTY, "").split(",")) {
            String prefix = p.strip();
            if (!prefix.isEmpty() && (className.startsWith(prefix + ".") || className.equals(prefix))) {
                return true;
            }
        }
        return false;
    }

    /** Idempotent; must run before the first model is loaded. */
    public static synchronized void allow() {
        Set<String> allowed = new LinkedHashSet<>();
        for (String p : System.getProperty(PROPERTY, "").split(",")) {
            if (!p.isBlank()) {
                allowed.add(p.strip());
            }
        }
        for (String p : PACKAGES) {
            allowed.add(p);
        }
        System.setProperty(PROPERTY, String.join(",", allowed));
        // The property is read once when ExtensionLoader initialises; registering covers the case
        // where something loaded it before us.
        for (String p : PACKAGES) {
            ExtensionLoader.registerAllowedPackage(p);
        }
    }
}
