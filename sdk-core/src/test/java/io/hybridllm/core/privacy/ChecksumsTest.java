package io.hybridllm.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.hybridllm.core.privacy.internal.Checksums;
import org.junit.jupiter.api.Test;

/** Check digits, with the published example numbers of each scheme and one-digit corruptions of them. */
class ChecksumsTest {
    @Test
    void cardNumbersNeedLuhnAndIssuerAndGroupsOfFour() {
        assertThat(Checksums.creditCard("4111 1111 1111 1111")).isTrue();
        assertThat(Checksums.creditCard("5500-0000-0000-0004")).isTrue();
        assertThat(Checksums.creditCard("378282246310005")).isTrue();
        assertThat(Checksums.creditCard("4111 1111 1111 1112")).isFalse();
        assertThat(Checksums.creditCard("41111 11111 111111")).isFalse();
        assertThat(Checksums.creditCard("0000000000000000")).isFalse();
    }

    @Test
    void ibanNeedsCountryLengthAndMod97() {
        assertThat(Checksums.iban("DE89 3704 0044 0532 0130 00")).isTrue();
        assertThat(Checksums.iban("GB82WEST12345698765432")).isTrue();
        assertThat(Checksums.iban("DE89 3704 0044 0532 0130 01")).isFalse();
        assertThat(Checksums.iban("DE89 3704 0044 0532 0130 0")).isFalse();
        assertThat(Checksums.iban("QQ89370400440532013000")).isFalse();
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
        assertThat(Checksums.esNif("12345678Z")).isTrue();
        assertThat(Checksums.esNif("12345678A")).isFalse();
        assertThat(Checksums.plPesel("44051401359")).isTrue();
        assertThat(Checksums.plPesel("44051401358")).isFalse();
        assertThat(Checksums.fiPersonalId("131052-308T")).isTrue();
        assertThat(Checksums.fiPersonalId("131052-308U")).isFalse();
        assertThat(Checksums.fiPersonalId("310252-308T")).isFalse(); // 31 February
        assertThat(Checksums.itFiscalCode("RSSMRA85T10A562S")).isTrue();
        assertThat(Checksums.itFiscalCode("RSSMRA85T10A562T")).isFalse();
        assertThat(Checksums.sgNric("S1234567D")).isTrue();
        assertThat(Checksums.sgNric("S1234567E")).isFalse();
        assertThat(Checksums.auTfn("123 456 782")).isTrue();
        assertThat(Checksums.auTfn("123 456 783")).isFalse();
        assertThat(Checksums.auAbn("51 824 753 556")).isTrue();
        assertThat(Checksums.auAbn("51 824 753 557")).isFalse();
        assertThat(Checksums.trNationalId("10000000146")).isTrue();
        assertThat(Checksums.trNationalId("10000000145")).isFalse();
    }

    @Test
    void bitcoinAddressesCarryADoubleSha256Checksum() {
        assertThat(Checksums.base58Check("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2")).isTrue();
        assertThat(Checksums.base58Check("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3")).isFalse();
    }
}
