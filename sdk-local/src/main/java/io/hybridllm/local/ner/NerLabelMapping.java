package io.hybridllm.local.ner;

import io.hybridllm.core.privacy.PiiClass;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Maps a model's entity labels (the part after {@code B-}/{@code I-}, e.g. {@code PER}, {@code EMAIL}) to a
 * {@link PiiClass} and the fine type reported in {@link io.hybridllm.core.privacy.PrivacyItem#type()}. Labels are
 * compared ignoring case, {@code _}, {@code -} and spaces, so {@code PHONE_NUMBER} and {@code phonenumber} are one
 * label. A label the mapping does not know is not reported. Immutable.
 *
 * <p>{@link #defaults()} covers CoNLL-2003 labels (dslim/bert-base-NER: {@code PER}, {@code LOC}, {@code ORG},
 * {@code MISC}), OntoNotes ({@code PERSON}, {@code GPE}, {@code LOC}) and common PII-model labels (Presidio names
 * such as {@code EMAIL_ADDRESS}, ai4privacy names such as {@code FIRSTNAME}, {@code CITY}). Organisations and
 * {@code MISC} are deliberately not reported by default: a company or product name is not personal data, and
 * reporting it would make every prompt that mentions one look sensitive. Map them with {@link Builder#map} if your
 * application treats them as sensitive.
 */
public final class NerLabelMapping {
    private static final NerLabelMapping DEFAULTS = defaultBuilder().build();

    private final Map<String, Target> targets;

    private NerLabelMapping(Map<String, Target> targets) {
        this.targets = Map.copyOf(targets);
    }

    /** The documented default mapping (see the class comment and docs/ner.md). */
    public static NerLabelMapping defaults() {
        return DEFAULTS;
    }

    /** An empty mapping, to list only the labels you want. */
    public static Builder builder() {
        return new Builder(Map.of());
    }

    /** A builder that starts from this mapping. */
    public Builder toBuilder() {
        return new Builder(targets);
    }

    /** The class reported for {@code label} ({@code B-}/{@code I-} prefix allowed), if it is mapped. */
    public Optional<PiiClass> piiClassOf(String label) {
        return Optional.ofNullable(target(label)).map(t -> t.piiClass);
    }

    /** The fine type reported for {@code label}, if it is mapped. */
    public Optional<String> typeOf(String label) {
        return Optional.ofNullable(target(label)).map(t -> t.type);
    }

    Target target(String label) {
        return targets.get(key(Bio.entityOf(label)));
    }

    static String key(String label) {
        StringBuilder b = new StringBuilder(label.length());
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (c != '_' && c != '-' && c != ' ') {
                b.append(Character.toUpperCase(c));
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return "NerLabelMapping" + new java.util.TreeMap<>(targets);
    }

    private static Builder defaultBuilder() {
        Builder b = builder();
        for (String l : new String[] {
            "PER",
            "PERSON",
            "NAME",
            "FIRSTNAME",
            "LASTNAME",
            "MIDDLENAME",
            "GIVENNAME",
            "SURNAME",
            "FULLNAME",
            "PATIENT",
            "DOCTOR"
        }) {
            b.map(l, PiiClass.PERSON, "PERSON");
        }
        for (String l : new String[] {"LOC", "LOCATION", "GPE", "CITY", "COUNTRY", "STATE", "COUNTY"}) {
            b.map(l, PiiClass.LOCATION, "LOCATION");
        }
        for (String l : new String[] {"ADDRESS", "STREET", "STREETADDRESS", "BUILDINGNUMBER", "SECONDARYADDRESS"}) {
            b.map(l, PiiClass.LOCATION, "STREET_ADDRESS");
        }
        for (String l : new String[] {"ZIP", "ZIPCODE", "POSTCODE", "POSTALCODE"}) {
            b.map(l, PiiClass.LOCATION, "POSTAL_CODE");
        }
        for (String l : new String[] {"DOB", "DATEOFBIRTH", "BIRTHDATE"}) {
            b.map(l, PiiClass.PERSON, "DATE_OF_BIRTH");
        }
        for (String l : new String[] {"EMAIL", "EMAILADDRESS"}) {
            b.map(l, PiiClass.CONTACT, "EMAIL_ADDRESS");
        }
        for (String l : new String[] {"PHONE", "PHONENUMBER", "TELEPHONENUM", "TELEPHONE", "FAX", "MOBILE"}) {
            b.map(l, PiiClass.CONTACT, "PHONE_NUMBER");
        }
        for (String l : new String[] {"CREDITCARD", "CREDITCARDNUMBER"}) {
            b.map(l, PiiClass.FINANCIAL, "CREDIT_CARD");
        }
        for (String l : new String[] {"IBAN", "IBANCODE"}) {
            b.map(l, PiiClass.FINANCIAL, "IBAN_CODE");
        }
        b.map("ACCOUNTNUMBER", PiiClass.FINANCIAL, "BANK_ACCOUNT");
        for (String l : new String[] {"SSN", "USSSN", "SOCIALNUM"}) {
            b.map(l, PiiClass.GOV_ID, "US_SSN");
        }
        for (String l : new String[] {"PASSPORT", "PASSPORTNUMBER", "USPASSPORT"}) {
            b.map(l, PiiClass.GOV_ID, "PASSPORT");
        }
        for (String l : new String[] {"DRIVERLICENSE", "DRIVERLICENSENUM", "USDRIVERLICENSE"}) {
            b.map(l, PiiClass.GOV_ID, "DRIVER_LICENSE");
        }
        for (String l : new String[] {"IDCARDNUM", "IDNUM", "NATIONALID", "TAXNUM"}) {
            b.map(l, PiiClass.GOV_ID, "NATIONAL_ID");
        }
        for (String l : new String[] {"IP", "IPADDRESS", "IPV4", "IPV6"}) {
            b.map(l, PiiClass.OTHER, "IP_ADDRESS");
        }
        b.map("URL", PiiClass.OTHER, "URL");
        for (String l : new String[] {"PASSWORD", "SECRET"}) {
            b.map(l, PiiClass.SECRET, "PASSWORD");
        }
        b.map("APIKEY", PiiClass.SECRET, "API_KEY");
        for (String l : new String[] {"MEDICALCONDITION", "DIAGNOSIS", "MEDICALRECORD"}) {
            b.map(l, PiiClass.HEALTH, "MEDICAL");
        }
        return b;
    }

    /** Where one label goes. */
    static final class Target {
        final PiiClass piiClass;
        final String type;

        Target(PiiClass piiClass, String type) {
            this.piiClass = piiClass;
            this.type = type;
        }

        @Override
        public String toString() {
            return type + "/" + piiClass;
        }
    }

    /** Collects label mappings; later calls for the same label win. */
    public static final class Builder {
        private final Map<String, Target> targets;

        private Builder(Map<String, Target> start) {
            this.targets = new HashMap<>(start);
        }

        /** Reports entities labelled {@code label} as {@code type} of class {@code piiClass}. */
        public Builder map(String label, PiiClass piiClass, String type) {
            Objects.requireNonNull(label, "label == null");
            Objects.requireNonNull(piiClass, "piiClass == null");
            Objects.requireNonNull(type, "type == null");
            String k = key(label);
            if (k.isEmpty() || k.equals("O")) {
                throw new IllegalArgumentException("cannot map the label '" + label + "'");
            }
            if (type.isBlank()) {
                throw new IllegalArgumentException("type is blank");
            }
            targets.put(k, new Target(piiClass, type.toUpperCase(Locale.ROOT)));
            return this;
        }

        /** Stops reporting entities labelled {@code label}. */
        public Builder drop(String label) {
            targets.remove(key(Objects.requireNonNull(label, "label == null")));
            return this;
        }

        public NerLabelMapping build() {
            return new NerLabelMapping(targets);
        }
    }
}
