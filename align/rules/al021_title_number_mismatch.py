from collections.abc import Iterator

from align.rules.al020_number_mismatch import number_findings
from align.rules.base import Context, Finding, Rule, Severity


class TitleNumberMismatch(Rule):
    """A number of the title differs between its language versions.

    ## What it does
    Compares the numbers (years, periods, amounts, ordinals in digits or Roman numerals) of the
    English, Kazakh and Russian titles, normalised as in AL020, and reports each number that one
    title states and another lacks or states differently. Numbers in words never raise a finding.

    ## Why is this bad?
    The title is what indexes and citations keep: a period "1991–2021" in one language and
    "1991–2020" in another makes the versions look like two different papers.

    ## Example
    ```text
    EN: Kazakhstan's foreign policy in 1991–2021
    KK: Қазақстанның сыртқы саясаты
    ```

    ## Use instead
    ```text
    KK: 1991–2021 жылдардағы Қазақстанның сыртқы саясаты
    ```
    """

    code = "AL021"
    name = "title-number-mismatch"
    severity = Severity.warning

    def check(self, context: Context) -> Iterator[Finding]:
        yield from number_findings(self, context, "title")
