package io.hybridllm.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DefaultScannerTest {
    private final PrivacyScanner scanner = PrivacyScanners.defaults();

    private static String value(String text, PrivacyItem item) {
        return text.substring(item.start(), item.end());
    }

    private PrivacyItem only(String text, String type) {
        List<PrivacyItem> items = scanner.scan(text).items().stream()
                .filter(i -> i.type().equals(type))
                .toList();
        assertThat(items).as("items of type %s in %s", type, text).hasSize(1);
        return items.get(0);
    }

    @Test
    void technologyNames_areNotPeople() {
        assertThat(scanner.scan("Write a Python function that parses a CSV file")
                        .items())
                .isEmpty();
        assertThat(scanner.scan("Explain how Kubernetes schedules pods").items())
                .isEmpty();
        assertThat(only("Call John Smith tomorrow", "PERSON").start()).isEqualTo(5);
    }

    @Test
    void addressCues_mustStartAWord() {
        // "What " ends in "at ", an address cue; arithmetic must not become a street address.
        assertThat(scanner.scan("What is 17 times 23?").items()).isEmpty();
        assertThat(value(
                        "I live at 12 Main Street, Springfield",
                        only("I live at 12 Main Street, Springfield", "STREET_ADDRESS")))
                .startsWith("12 Main Street");
    }

    @Test
    void spansAreUtf16OffsetsIntoTheText() {
        String text = "\uD83D\uDE00 mail me at jo.doe@example.org please";
        PrivacyItem email = only(text, "EMAIL_ADDRESS");
        assertThat(value(text, email)).isEqualTo("jo.doe@example.org");
        assertThat(email.start()).isEqualTo(text.indexOf('j'));
        assertThat(email.piiClass()).isEqualTo(PiiClass.CONTACT);
        assertThat(email.detector()).isNotBlank();
    }

    @Test
    void luhnValidCardIsCriticalAndAnInvalidOneIsNotACard() {
        PrivacyAssessment valid = scanner.scan("charge my card 4539 1488 0343 6467 today");
        assertThat(valid.level()).isEqualTo(SensitivityLevel.CRITICAL);
        assertThat(valid.items()).extracting(PrivacyItem::type).contains("CREDIT_CARD");
        assertThat(scanner.scan("charge my card 4539 1488 0343 6468 today").items())
                .extracting(PrivacyItem::type)
                .doesNotContain("CREDIT_CARD");
    }

    @Test
    void contextWordsRaiseConfidence() {
        PrivacyItem bare = only("4539148803436467", "CREDIT_CARD");
        PrivacyItem withContext = only("visa card number 4539148803436467", "CREDIT_CARD");
        assertThat(withContext.confidence()).isGreaterThan(bare.confidence());
    }

    @Test
    void ibanInGroupsOfFourIsFoundWhole() {
        String text = "Please wire it to DE12 5001 0517 0648 4898 90, thanks";
        PrivacyItem iban = only(text, "IBAN_CODE");
        assertThat(value(text, iban)).isEqualTo("DE12 5001 0517 0648 4898 90");
        assertThat(iban.piiClass()).isEqualTo(PiiClass.FINANCIAL);
    }

    @Test
    void ssnNeedsValidAreaAndMatchingSeparators() {
        assertThat(value("my ssn is 536-22-1234.", only("my ssn is 536-22-1234.", "US_SSN")))
                .isEqualTo("536-22-1234");
        assertThat(scanner.scan("my ssn is 666-22-1234.").items())
                .extracting(PrivacyItem::type)
                .doesNotContain("US_SSN");
        assertThat(scanner.scan("ref 536-22.1234").items())
                .extracting(PrivacyItem::type)
                .doesNotContain("US_SSN");
    }

    @Test
    void phoneNumbersUseTheDefaultRegion() {
        String us = "call me at (415) 555-2671 tomorrow";
        assertThat(value(us, only(us, "PHONE_NUMBER"))).isEqualTo("(415) 555-2671");
        String de = "Ruf an: 030 1234567";
        PrivacyScanner german = PrivacyScanners.builder().defaultRegion("DE").build();
        assertThat(german.scan(de).items())
                .anySatisfy(i -> assertThat(value(de, i)).isEqualTo("030 1234567"));
    }

    @Test
    void secretsAreCriticalAndPlaceholdersAreNot() {
        String token = "gh" + "p_" + "aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5b";
        PrivacyAssessment a = scanner.scan("export GITHUB_TOKEN=" + token);
        assertThat(a.level()).isEqualTo(SensitivityLevel.CRITICAL);
        assertThat(a.items()).anySatisfy(i -> assertThat(i.piiClass()).isEqualTo(PiiClass.SECRET));
        assertThat(scanner.scan("export GITHUB_TOKEN=gh" + "p_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
                        .level())
                .isEqualTo(SensitivityLevel.NONE);
    }

    @Test
    void passwordAssignmentIsASecretButAVariableReferenceIsNot() {
        assertThat(scanner.scan("db_password = \"Tr0ub4dor&3x!\"").items())
                .anySatisfy(i -> assertThat(i.type()).isEqualTo("PASSWORD"));
        assertThat(scanner.scan("db_password = ${DB_PASSWORD}").items()).isEmpty();
        assertThat(scanner.scan("password_length = 12").items()).isEmpty();
    }

    @Test
    void privateKeyBlockAndJwtAreSecrets() {
        String body = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj";
        String pem = "-----BEGIN " + "PRIVATE KEY-----\n" + body + "\n-----END " + "PRIVATE KEY-----";
        assertThat(scanner.scan("key:\n" + pem).items())
                .anySatisfy(i -> assertThat(i.type()).isEqualTo("PRIVATE_KEY"));
        String jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9" + ".eyJzdWIiOiI0MiJ9" + ".c2lnbmF0dXJlLXBhcnQ";
        assertThat(scanner.scan("Authorization: Bearer " + jwt).level()).isEqualTo(SensitivityLevel.CRITICAL);
    }

    @Test
    void namesNeedCapitalizationCuesOrTheGazetteer() {
        String text = "Please forward this to Mr. Okonkwo and tell Maria Fernandez I said hi.";
        List<PrivacyItem> people = scanner.scan(text).items().stream()
                .filter(i -> i.piiClass() == PiiClass.PERSON)
                .toList();
        assertThat(people).extracting(i -> value(text, i)).contains("Okonkwo", "Maria Fernandez");
        assertThat(scanner.scan("how do i reset my router?").items()).isEmpty();
    }

    @Test
    void streetAddressesAreLocations() {
        String text = "Ship it to 742 Evergreen Terrace, Springfield, OR 97403 by Friday";
        assertThat(scanner.scan(text).items()).anySatisfy(i -> {
            assertThat(i.piiClass()).isEqualTo(PiiClass.LOCATION);
            assertThat(value(text, i)).startsWith("742 Evergreen Terrace");
        });
    }

    @Test
    void customRecognizerWithValidatorAndContext() {
        PatternRecognizer employeeId = PatternRecognizer.builder("employee-id", "EMPLOYEE_ID", PiiClass.OTHER)
                .pattern("(?<![A-Z0-9])EMP-\\d{6}(?![A-Z0-9])")
                .validator(v -> !v.endsWith("000000"))
                .contextWords("employee", "staff")
                .score(0.5)
                .contextScore(0.9)
                .build();
        PrivacyScanner custom =
                PrivacyScanners.builder().addRecognizer(employeeId).build();
        PrivacyItem found = custom.scan("staff number EMP-123456").items().stream()
                .filter(i -> i.type().equals("EMPLOYEE_ID"))
                .findFirst()
                .orElseThrow();
        assertThat(found.confidence()).isEqualTo(0.9);
        assertThat(custom.scan("EMP-000000").items()).isEmpty();
    }

    @Test
    void recognizerBuilderRejectsAMissingGroupOrContext() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PatternRecognizer.builder("x", "X", PiiClass.OTHER)
                        .pattern("a(b)")
                        .group(2)
                        .build())
                .isInstanceOf(IllegalStateException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PatternRecognizer.builder("x", "X", PiiClass.OTHER)
                        .pattern("ab")
                        .contextRequired(true)
                        .build())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void denyListTermsAreWholeWordsAnyCase() {
        PrivacyScanner s = PrivacyScanners.builder()
                .denyList("PROJECT", PiiClass.OTHER, List.of("Bluebird"))
                .sensitivityRule(SensitivityRule.byClass(java.util.Map.of(PiiClass.OTHER, SensitivityLevel.HIGH), 0.5))
                .build();
        PrivacyAssessment a = s.scan("status of BLUEBIRD? not bluebirds");
        assertThat(a.items()).extracting(PrivacyItem::type).containsExactly("PROJECT");
        assertThat(a.level()).isEqualTo(SensitivityLevel.HIGH);
    }

    @Test
    void allowListAndDisabledTypesAreNotReported() {
        PrivacyScanner s = PrivacyScanners.builder()
                .allowList(Set.of("support@example.com"))
                .disableType("URL")
                .build();
        assertThat(s.scan("write to support@example.com or see https://example.com/help")
                        .items())
                .isEmpty();
    }

    @Test
    void requestScanPointsItemsIntoTheirMessage() {
        io.hybridllm.core.ChatRequest request = io.hybridllm.core.ChatRequest.builder()
                .addSystemMessage("You are helpful.")
                .addUserMessage("my mail is ann@example.net")
                .build();
        PrivacyAssessment a = scanner.scan(request);
        assertThat(a.items()).singleElement().satisfies(i -> assertThat(i.messageIndex())
                .isEqualTo(1));
        assertThat(a.level()).isEqualTo(SensitivityLevel.HIGH);
    }

    @Test
    void hostileInputsScanToTheRightAnswer() {
        String digits = "7".repeat(100_000);
        assertThat(scanner.scan(digits).items()).isEmpty();
        String spaced = "a@a.a ".repeat(20_000);
        assertThat(scanner.scan(spaced).items()).noneMatch(i -> i.type().equals("EMAIL_ADDRESS"));
        String joined = "a@a.a".repeat(20_000);
        List<PrivacyItem> items = scanner.scan(joined).items();
        assertThat(items).allSatisfy(i -> {
            String v = value(joined, i);
            assertThat(v.chars().filter(c -> c == '@').count()).isEqualTo(1);
            assertThat(v.substring(v.indexOf('@'))).contains(".");
        });
        String dashes = "1-".repeat(50_000);
        assertThat(scanner.scan(dashes).items()).noneMatch(i -> i.piiClass() == PiiClass.FINANCIAL);
    }

    private List<String> types(String text) {
        return scanner.scan(text).items().stream().map(PrivacyItem::type).toList();
    }

    @Test
    void checksumValidatedNumbersOutrankAChecksumlessGuess() {
        // A bare nine-digit number passing the routing checksum is a routing number, not an SSN guess.
        assertThat(types("260503716")).containsExactly("ABA_ROUTING_NUMBER");
        assertThat(types("2605-0371-6")).containsExactly("ABA_ROUTING_NUMBER");
        assertThat(types("wire it to routing number 260503716")).containsExactly("ABA_ROUTING_NUMBER");
        assertThat(types("260503717")).doesNotContain("ABA_ROUTING_NUMBER");
        assertThat(types("384719220")).containsExactly("DE_LANR");
        assertThat(types("4071 82635 1")).containsExactly("AU_MEDICARE");
        assertThat(types("1846209371")).containsExactly("US_NPI");
        assertThat(types("K407182630")).containsExactly("DE_HEALTH_INSURANCE");
        assertThat(types("K407182631")).doesNotContain("DE_HEALTH_INSURANCE");
        assertThat(types("BK4829151")).containsExactly("MEDICAL_LICENSE");
    }

    @Test
    void practiceNumbersNeedTheirContextWords() {
        assertThat(only("Die BSNR 173849505 steht auf dem Rezept.", "DE_BSNR").piiClass())
                .isEqualTo(PiiClass.HEALTH);
        assertThat(types("Order 173849505 has shipped")).doesNotContain("DE_BSNR");
    }

    @Test
    void legacyGermanIdCardsAndMisspelledFiscalCodesAreStillIds() {
        assertThat(types("Ausweis T47195283")).contains("DE_ID_CARD");
        // A valid fiscal code structure with a wrong check letter is reported, with less confidence.
        PrivacyItem good = only("RSSMRA85T10A562S", "IT_FISCAL_CODE");
        PrivacyItem typo = only("RSSMRA85T10A562T", "IT_FISCAL_CODE");
        assertThat(typo.confidence()).isLessThan(good.confidence());
    }

    @Test
    void bareDigitRunsAreWeakPhonesAndCountingRunsAreNone() {
        assertThat(types("1234567890")).doesNotContain("PHONE_NUMBER");
        assertThat(types("call me on 415 555 0132")).contains("PHONE_NUMBER");
        // 3-3-4 grouping that is not a valid North American number is not a phone without a phone word.
        assertThat(types("917-123-4567")).doesNotContain("PHONE_NUMBER");
    }

    @Test
    void cardsAreNotFoundInsideIbansOrPhoneNumbers() {
        assertThat(types("AL47 2121 1009 0000 0002 3569 8741")).doesNotContain("CREDIT_CARD");
        assertThat(types("mobile +447700677662")).doesNotContain("CREDIT_CARD");
        // Four-digit groups inside an account number are not an Aadhaar number either.
        assertThat(types("4827 1639 5020")).contains("IN_AADHAAR");
        assertThat(types("QX12 B7C5 4827 1639 5020")).doesNotContain("IN_AADHAAR");
    }

    @Test
    void dottedQuadsAreNotPhoneNumbers() {
        assertThat(types("the host is at 256.256.256.256")).doesNotContain("PHONE_NUMBER");
        assertThat(types("Mobile: 03.93.92.16.85")).contains("PHONE_NUMBER");
    }

    @Test
    void numberGroupsAreNotReadFromTheMiddleOfALongerNumber() {
        assertThat(types("51 612 084 1008")).doesNotContain("UK_NHS");
        assertThat(types("612 084 1008")).contains("UK_NHS");
    }

    @Test
    void awsKeyIdsAreSecretsUnlessXFilled() {
        // Built at run time so the source holds no key-shaped literal.
        String body = "Q".repeat(16);
        assertThat(types("AC" + "CA" + body)).contains("AWS_ACCESS_KEY");
        assertThat(types("key = AK" + "IA" + "X".repeat(16))).doesNotContain("AWS_ACCESS_KEY");
    }

    @Test
    void koreanLicencesNeedARegisteredRegionCode() {
        assertThat(types("143906281735")).contains("KR_DRIVER_LICENSE");
        assertThat(types("273906281735")).doesNotContain("KR_DRIVER_LICENSE"); // 27 is not a region
    }

    @Test
    void aCenturyPersonnummerIsReadEvenWhenGluedToAWord() {
        // 19 870412-3879: 12 April 1987, Luhn over the last ten digits.
        assertThat(types("mitt nummer var198704123879.")).contains("SE_PERSONNUMMER");
    }
}
