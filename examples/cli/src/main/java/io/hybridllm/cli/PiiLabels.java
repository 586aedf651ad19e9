package io.hybridllm.cli;

import io.hybridllm.core.privacy.PiiClass;
import java.util.Map;
import java.util.Optional;

/**
 * The published mapping from evaluation-data labels (Presidio entity names) to the scanner's classes. Labels
 * mapped to empty are not scored (the scanner does not claim them): predictions that fall only on such spans are
 * neither right nor wrong. Keep in sync with docs/privacy.md.
 */
final class PiiLabels {
    private PiiLabels() {}

    private static final Map<String, PiiClass> MAP = Map.ofEntries(
            Map.entry("PERSON", PiiClass.PERSON),
            Map.entry("STREET_ADDRESS", PiiClass.LOCATION),
            Map.entry("ADDRESS", PiiClass.LOCATION),
            Map.entry("GPE", PiiClass.LOCATION),
            Map.entry("LOCATION", PiiClass.LOCATION),
            Map.entry("ZIP_CODE", PiiClass.LOCATION),
            Map.entry("UK_POSTCODE", PiiClass.LOCATION),
            Map.entry("EMAIL_ADDRESS", PiiClass.CONTACT),
            Map.entry("PHONE_NUMBER", PiiClass.CONTACT),
            Map.entry("PH_MOBILE_NUMBER", PiiClass.CONTACT),
            Map.entry("TR_PHONE_NUMBER", PiiClass.CONTACT),
            Map.entry("CREDIT_CARD", PiiClass.FINANCIAL),
            Map.entry("IBAN_CODE", PiiClass.FINANCIAL),
            Map.entry("US_BANK_NUMBER", PiiClass.FINANCIAL),
            Map.entry("ABA_ROUTING_NUMBER", PiiClass.FINANCIAL),
            Map.entry("CRYPTO", PiiClass.FINANCIAL),
            Map.entry("US_SSN", PiiClass.GOV_ID),
            Map.entry("US_ITIN", PiiClass.GOV_ID),
            Map.entry("US_PASSPORT", PiiClass.GOV_ID),
            Map.entry("US_DRIVER_LICENSE", PiiClass.GOV_ID),
            Map.entry("UK_NHS", PiiClass.GOV_ID),
            Map.entry("UK_NINO", PiiClass.GOV_ID),
            Map.entry("UK_PASSPORT", PiiClass.GOV_ID),
            Map.entry("UK_DRIVING_LICENCE", PiiClass.GOV_ID),
            Map.entry("ES_NIF", PiiClass.GOV_ID),
            Map.entry("ES_NIE", PiiClass.GOV_ID),
            Map.entry("ES_PASSPORT", PiiClass.GOV_ID),
            Map.entry("IT_FISCAL_CODE", PiiClass.GOV_ID),
            Map.entry("IT_DRIVER_LICENSE", PiiClass.GOV_ID),
            Map.entry("IT_IDENTITY_CARD", PiiClass.GOV_ID),
            Map.entry("IT_PASSPORT", PiiClass.GOV_ID),
            Map.entry("IN_AADHAAR", PiiClass.GOV_ID),
            Map.entry("IN_PAN", PiiClass.GOV_ID),
            Map.entry("IN_PASSPORT", PiiClass.GOV_ID),
            Map.entry("IN_VOTER", PiiClass.GOV_ID),
            Map.entry("AU_TFN", PiiClass.GOV_ID),
            Map.entry("SG_NRIC_FIN", PiiClass.GOV_ID),
            Map.entry("PL_PESEL", PiiClass.GOV_ID),
            Map.entry("KR_RRN", PiiClass.GOV_ID),
            Map.entry("KR_FRN", PiiClass.GOV_ID),
            Map.entry("KR_PASSPORT", PiiClass.GOV_ID),
            Map.entry("KR_DRIVER_LICENSE", PiiClass.GOV_ID),
            Map.entry("FI_PERSONAL_IDENTITY_CODE", PiiClass.GOV_ID),
            Map.entry("SE_PERSONNUMMER", PiiClass.GOV_ID),
            Map.entry("TH_TNIN", PiiClass.GOV_ID),
            Map.entry("TR_NATIONAL_ID", PiiClass.GOV_ID),
            Map.entry("ZA_ID_NUMBER", PiiClass.GOV_ID),
            Map.entry("NG_NIN", PiiClass.GOV_ID),
            Map.entry("CA_SIN", PiiClass.GOV_ID),
            Map.entry("PH_TIN", PiiClass.GOV_ID),
            Map.entry("DE_ID_CARD", PiiClass.GOV_ID),
            Map.entry("DE_PASSPORT", PiiClass.GOV_ID),
            Map.entry("DE_TAX_ID", PiiClass.GOV_ID),
            Map.entry("DE_SOCIAL_SECURITY", PiiClass.GOV_ID),
            Map.entry("US_MBI", PiiClass.HEALTH),
            Map.entry("US_NPI", PiiClass.HEALTH),
            Map.entry("MEDICAL_LICENSE", PiiClass.HEALTH),
            Map.entry("DE_HEALTH_INSURANCE", PiiClass.HEALTH),
            Map.entry("DE_LANR", PiiClass.HEALTH),
            Map.entry("DE_BSNR", PiiClass.HEALTH),
            Map.entry("AU_MEDICARE", PiiClass.HEALTH),
            Map.entry("IP_ADDRESS", PiiClass.OTHER),
            Map.entry("MAC_ADDRESS", PiiClass.OTHER),
            Map.entry("URL", PiiClass.OTHER),
            Map.entry("AU_ABN", PiiClass.OTHER),
            Map.entry("AU_ACN", PiiClass.OTHER));

    /**
     * The class a data label is scored as; empty for labels not scored (ORGANIZATION, DATE_TIME, TITLE, PREFIX, NRP,
     * AGE, DOMAIN_NAME, business and vehicle registrations).
     */
    static Optional<PiiClass> classOf(String label) {
        return Optional.ofNullable(MAP.get(label));
    }

    /** Classes whose items make a request at least HIGH under the default rule: everything except OTHER. */
    static boolean blocking(PiiClass c) {
        return c != PiiClass.OTHER;
    }
}
