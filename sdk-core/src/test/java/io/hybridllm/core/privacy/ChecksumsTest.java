package io.hybridllm.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.hybridllm.core.privacy.internal.Checksums;
import org.junit.jupiter.api.Test;

/**
 * Check digits: published example numbers of a scheme, or numbers whose check digits were computed by hand for this
 * test, and one-character corruptions of them.
 */
class ChecksumsTest {
    @Test
    void cardNumbersNeedLuhnAndIssuerAndGroupsOfFour() {
        assertThat(Checksums.creditCard("4539 1488 0343 6467")).isTrue();
        assertThat(Checksums.creditCard("5500-0000-0000-0004")).isTrue();
        assertThat(Checksums.creditCard("378282246310005")).isTrue();
        assertThat(Checksums.creditCard("4539 1488 0343 6468")).isFalse();
        assertThat(Checksums.creditCard("45391 48803 436467")).isFalse();
        assertThat(Checksums.creditCard("0000000000000000")).isFalse();
    }

    @Test
    void ibanNeedsCountryLengthAndMod97() {
        assertThat(Checksums.iban("DE12 5001 0517 0648 4898 90")).isTrue();
        assertThat(Checksums.iban("GB82WEST12345698765432")).isTrue();
        assertThat(Checksums.iban("DE12 5001 0517 0648 4898 91")).isFalse();
        assertThat(Checksums.iban("DE12 5001 0517 0648 4898 9")).isFalse();
        assertThat(Checksums.iban("QQ12500105170648489890")).isFalse();
    }

    @Test
    void usSsnRejectsImpossibleAreasGroupsAndSerials() {
        assertThat(Checksums.usSsn("536-22-1234")).isTrue();
        assertThat(Checksums.usSsn("000-22-1234")).isFalse();
        assertThat(Checksums.usSsn("666-22-1234")).isFalse();
        assertThat(Checksums.usSsn("912-22-1234")).isFalse();
        assertThat(Checksums.usSsn("536-00-1234")).isFalse();
        assertThat(Checksums.usSsn("536-22-0000")).isFalse();
        assertThat(Checksums.usItin("912-70-1234")).isTrue();
        assertThat(Checksums.usItin("912-40-1234")).isFalse();
    }

    @Test
    void nationalIdsFollowTheirPublishedExamples() {
        assertThat(Checksums.ukNhs("943 476 5919")).isTrue();
        assertThat(Checksums.ukNhs("943 476 5918")).isFalse();
        assertThat(Checksums.esNif("87654321X")).isTrue();
        assertThat(Checksums.esNif("87654321A")).isFalse();
        assertThat(Checksums.plPesel("44051401359")).isTrue();
        assertThat(Checksums.plPesel("44051401358")).isFalse();
        assertThat(Checksums.fiPersonalId("131052-308T")).isTrue();
        assertThat(Checksums.fiPersonalId("131052-308U")).isFalse();
        assertThat(Checksums.fiPersonalId("310252-308T")).isFalse(); // 31 February
        assertThat(Checksums.itFiscalCode("RSSMRA85T10A562S")).isTrue();
        assertThat(Checksums.itFiscalCode("RSSMRA85T10A562T")).isFalse();
        assertThat(Checksums.sgNric("S1234567D")).isTrue();
        assertThat(Checksums.sgNric("S1234567E")).isFalse();
        assertThat(Checksums.auTfn("246 813 575")).isTrue();
        assertThat(Checksums.auTfn("246 813 576")).isFalse();
        assertThat(Checksums.auAbn("18 123 456 789")).isTrue();
        assertThat(Checksums.auAbn("18 123 456 788")).isFalse();
        assertThat(Checksums.trNationalId("12345678950")).isTrue();
        assertThat(Checksums.trNationalId("12345678951")).isFalse();
    }

    @Test
    void bitcoinAddressesCarryADoubleSha256Checksum() {
        assertThat(Checksums.base58Check("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2")).isTrue();
        assertThat(Checksums.base58Check("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3")).isFalse();
    }

    @Test
    void germanHealthAndPensionNumbersCarryTheirCheckDigits() {
        // Check digits computed by hand from the published weights for made-up numbers.
        assertThat(Checksums.deLanr("384719220")).isTrue();
        assertThat(Checksums.deLanr("384718220")).isFalse();
        assertThat(Checksums.deLanr("384719200")).isFalse(); // specialty code 00 is not issued
        assertThat(Checksums.deHealthInsurance("K407182630")).isTrue();
        assertThat(Checksums.deHealthInsurance("k407182630")).isTrue();
        assertThat(Checksums.deHealthInsurance("K407182631")).isFalse();
        assertThat(Checksums.deHealthInsurance("L407182630")).isFalse();
        assertThat(Checksums.deSocialSecurity("53120487M419")).isTrue();
        assertThat(Checksums.deSocialSecurity("53120487M418")).isFalse();
        assertThat(Checksums.deSocialSecurity("53121387M419")).isFalse(); // month 13
    }

    @Test
    void routingTaxAndPrescriberNumbersCarryTheirCheckDigits() {
        assertThat(Checksums.abaRouting("260503716")).isTrue();
        assertThat(Checksums.abaRouting("2605-0371-6")).isTrue();
        assertThat(Checksums.abaRouting("260503717")).isFalse();
        assertThat(Checksums.abaRouting("460503716")).isFalse(); // 46 is not a Federal Reserve prefix
        assertThat(Checksums.phTin("402-817-357")).isTrue();
        assertThat(Checksums.phTin("402-817-357-000")).isTrue();
        assertThat(Checksums.phTin("402-817-358")).isFalse();
        assertThat(Checksums.usDea("BK4829151")).isTrue();
        assertThat(Checksums.usDea("BK4829152")).isFalse();
        assertThat(Checksums.auMedicare("4071 82635 1")).isTrue();
        assertThat(Checksums.auMedicare("4071 82634 1")).isFalse();
        assertThat(Checksums.usNpi("1846209371")).isTrue();
        assertThat(Checksums.usNpi("1846209372")).isFalse();
        assertThat(Checksums.usNpi("2222222228")).isFalse(); // one repeated digit, even though the Luhn check passes
    }

    @Test
    void cardIssuerPrefixesDependOnLength() {
        // 15 digits starting with 1 (UATP) pass; 12 digits pass only for Maestro prefixes 5 and 6.
        assertThat(Checksums.creditCard("100000000000009")).isTrue();
        assertThat(Checksums.creditCard("100000000008")).isFalse();
        assertThat(Checksums.creditCard("500000000009")).isTrue();
    }

    @Test
    void allOneDigitNumbersAreNotIssued() {
        assertThat(Checksums.auTfn("000000000")).isFalse();
        assertThat(Checksums.auAcn("000000000")).isFalse();
        assertThat(Checksums.krRrn("1111111111111", false)).isFalse();
    }

    @Test
    void sequentialRunsMarkMadeUpNumbers() {
        assertThat(Checksums.sequentialRun("1234567890", 9)).isTrue();
        assertThat(Checksums.sequentialRun("98765-43210", 9)).isTrue();
        assertThat(Checksums.sequentialRun("5321234567", 9)).isFalse();
        assertThat(Checksums.sequentialRun("4155550132", 4)).isFalse();
    }
}
