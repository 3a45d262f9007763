package org.beiqin.commons.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A problem says what was not found in the reader's language: no Chinese noun in an English message. */
class WordsTest {

    @Test
    void notFoundNamesTheRecordKindInTheReadersLanguage() {
        ProblemException e = ProblemException.notFound("仓库", "42");

        assertThat(detail(Locale.ENGLISH, e)).isEqualTo("There is no warehouse 42, or you may not see it.");
        assertThat(detail(Messages.CHINESE, e)).isEqualTo("找不到仓库（42），或您无权查看。");
    }

    @Test
    void everyRecordKindTheServicesLookUpHasAnEnglishNoun() {
        for (String zh : List.of("仓库", "物资", "出入库记录", "发放记录", "盘点单", "灭火器", "装备", "设施检查", "演练",
                "改进措施", "队伍", "队员", "值班时段", "班次", "查岗", "整改事项", "整改措施", "佐证材料", "提醒")) {
            assertThat(Words.noun(zh).en()).as(zh).isNotEqualTo("record").doesNotContainPattern("\\p{IsHan}");
        }
    }

    @Test
    void anEnumLabelReadsAsWordsInEnglish() {
        assertThat(Words.of("等待中", Thread.State.TIMED_WAITING).in(Locale.ENGLISH)).isEqualTo("timed waiting");
        assertThat(Words.of("等待中", Thread.State.TIMED_WAITING).in(Messages.CHINESE)).isEqualTo("等待中");
    }

    private static String detail(Locale locale, ProblemException e) {
        String json = ProblemMappers.respond(locale, e.status(), e.type(), e.args(), null, List.of(), Map.of())
                .getEntity().toString();
        try {
            return new ObjectMapper().readTree(json).get("detail").asText();
        } catch (JsonProcessingException impossible) {
            throw new AssertionError(impossible);
        }
    }
}
