package dev.dnsflip.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExportCommentTest {
  @Test
  void aLineWithoutCommentStatesNothing() {
    ExportComment c = ExportComment.parse(null);

    assertThat(c.hasCfTags()).isFalse();
    assertThat(c.proxied()).isNull();
    assertThat(c.flattenCname()).isFalse();
  }

  @Test
  void aUserCommentWithoutCfTagsStatesNoProxying() {
    ExportComment c = ExportComment.parse(" backup server");

    assertThat(c.userComment()).isEqualTo("backup server");
    assertThat(c.hasCfTags()).isFalse();
    assertThat(c.proxied()).isNull();
  }

  @Test
  void cfProxiedTagGivesTheProxiedFlag() {
    assertThat(ExportComment.parse(" cf_tags=cf-proxied:true").proxied()).isTrue();
    assertThat(ExportComment.parse(" cf_tags=cf-proxied:false").proxied()).isFalse();
  }

  @Test
  void theUserCommentComesBeforeCfTags() {
    ExportComment c = ExportComment.parse(" my note cf_tags=cf-proxied:true");

    assertThat(c.userComment()).isEqualTo("my note");
    assertThat(c.proxied()).isTrue();
  }

  @Test
  void userTagsMixWithCloudflareTags() {
    ExportComment flatten = ExportComment.parse(" cf_tags=test:1,cf-flatten-cname");
    ExportComment bare = ExportComment.parse(" cf_tags=tag-without-value,cf-proxied:true");

    assertThat(flatten.flattenCname()).isTrue();
    assertThat(flatten.proxied()).isNull();
    assertThat(flatten.userTags()).containsExactly("test:1");
    assertThat(bare.proxied()).isTrue();
    assertThat(bare.userTags()).containsExactly("tag-without-value");
  }

  @Test
  void aQuotedTagValueKeepsItsComma() {
    ExportComment c = ExportComment.parse(" cf_tags=team:api,cf-proxied:true,tier:\"gold, plus\"");

    assertThat(c.proxied()).isTrue();
    assertThat(c.userTags()).containsExactly("team:api", "tier:\"gold, plus\"");
  }

  @Test
  void theLastCfTagsWins() {
    ExportComment c = ExportComment.parse(
        " mail server; was cf_tags=cf-proxied:true until May cf_tags=cf-proxied:false,owner:ops");

    assertThat(c.proxied()).isFalse();
    assertThat(c.userComment()).isEqualTo("mail server; was cf_tags=cf-proxied:true until May");
    assertThat(c.userTags()).containsExactly("owner:ops");
  }

  @Test
  void cfProxiedMustBeTrueOrFalse() {
    assertThatThrownBy(() -> ExportComment.parse(" cf_tags=cf-proxied:yes"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cf-proxied must be true or false, got 'yes'");
  }
}
