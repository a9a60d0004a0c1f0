package cn.fupin.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class StandardsBookTests {

    static final String FILE = """
            dibao_standard:
              values:
                - { since: 2019-01-01, value: 4000, reference: 测试用值 }
                - { since: 2020-01-01, value: 4500, reference: 测试用值 }
                - { since: 2020-01-01, region: "5203", value: 5000, reference: 遵义市 2020 年低保标准 }
                - { since: 2021-01-01, region: "52", value: 4800, reference: 测试用值 }
                - { since: 2020-07-01, region: "520302", value: 5200, reference: 测试用值 }
            """ + otherStandards();

    static String otherStandards() {
        StringBuilder yaml = new StringBuilder();
        for (StandardName name : StandardName.values()) {
            if (name != StandardName.DIBAO_STANDARD) {
                yaml.append(name.key())
                        .append(":\n  values:\n    - { since: 2019-01-01, value: 16, reference: 测试用值 }\n");
            }
        }
        return yaml.toString();
    }

    final StandardsBook book = StandardsFile.parse("standards.yaml", FILE);

    BigDecimal dibao(String region, String date) {
        return book.resolve(region, LocalDate.parse(date)).getDibaoStandard();
    }

    @Test
    void theValueInForceIsTheOneWithTheLatestStartOnOrBeforeTheDate() {
        assertThat(dibao("520102", "2019-12-31")).isEqualByComparingTo("4000");
        assertThat(dibao("520102", "2020-01-01")).isEqualByComparingTo("4500");
    }

    @Test
    void theLongestRegionPrefixWithAValueInForceWins() {
        assertThat(dibao("520301", "2020-06-30")).isEqualByComparingTo("5000");
        assertThat(dibao("520302", "2020-06-30")).isEqualByComparingTo("5000");
        assertThat(dibao("520302", "2020-07-01")).isEqualByComparingTo("5200");
        assertThat(dibao("520102", "2021-01-01")).isEqualByComparingTo("4800");
        assertThat(dibao("520301", "2021-01-01")).isEqualByComparingTo("5000");
    }

    @Test
    void aValueSaysWhereItComesFromAndSince() {
        StandardInForce value =
                book.resolve("520301", LocalDate.parse("2020-06-30")).get(StandardName.DIBAO_STANDARD);
        assertThat(value.region()).isEqualTo("5203");
        assertThat(value.since()).isEqualTo(LocalDate.parse("2020-01-01"));
        assertThat(value.reference()).isEqualTo("遵义市 2020 年低保标准");
    }

    /** A value that does not say which document set it is refused at its line, and so is an empty citation. */
    @Test
    void aValueWithoutItsReferenceIsRefusedAtItsLine() {
        String withoutReference = FILE.replace(
                        "{ since: 2021-01-01, region: \"52\", value: 4800, reference: 测试用值 }",
                        "{ since: 2021-01-01, region: \"52\", value: 4800 }")
                .replace(
                        "{ since: 2019-01-01, value: 4000, reference: 测试用值 }",
                        "{ since: 2019-01-01, value: 4000, reference: \" \" }");
        RuleSetException e = catchThrowableOfType(
                RuleSetException.class, () -> StandardsFile.parse("standards.yaml", withoutReference));
        assertThat(e.problems())
                .extracting(RuleProblem::line, RuleProblem::message)
                .containsExactlyInAnyOrder(
                        tuple(6, "'reference' must name the document (and article) that set this value"),
                        tuple(3, "'reference' must name the document (and article) that set this value"));
    }

    @Test
    void aDateBeforeAnyValueNamesTheStandardsAndTheDate() {
        StandardNotInForceException e = catchThrowableOfType(
                StandardNotInForceException.class, () -> book.resolve("520102", LocalDate.parse("2018-06-30")));
        assertThat(e.missing()).contains(StandardName.DIBAO_STANDARD);
        assertThat(e.date()).isEqualTo(LocalDate.parse("2018-06-30"));
    }
}
