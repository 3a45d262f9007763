package org.beiqin.rectification.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Text users typed reads as text in the published Markdown notice (issue 15, no. 11). */
class MarkdownTextTest {

    @Test
    void labelsStayOnOneLineAndInlineSyntaxIsEscaped() {
        assertThat(MarkdownText.escape("仓库\n# 伪造的标题")).isEqualTo("仓库 # 伪造的标题");
        assertThat(MarkdownText.escape("[点我](http://x) ![图](http://x/i.png)"))
                .isEqualTo("\\[点我\\](http://x) \\!\\[图\\](http://x/i.png)");
        assertThat(MarkdownText.escape("**粗** _斜_ `代码` <script>a&b</script> | ~删~"))
                .isEqualTo("\\*\\*粗\\*\\* \\_斜\\_ \\`代码\\` &lt;script>a&amp;b&lt;/script> \\| \\~删\\~");
        assertThat(MarkdownText.escape("完成率为96.5%。")).isEqualTo("完成率为96.5%。");
        assertThat(MarkdownText.escape(null)).isNull();
    }
}
