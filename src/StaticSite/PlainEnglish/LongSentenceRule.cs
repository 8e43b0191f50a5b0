using System.Globalization;
using StaticSite.Diagnostics;

namespace StaticSite.PlainEnglish;

/// <summary>
/// A sentence over the limit (25 words by default, the NHS and GOV.UK guidance) is hard to follow
/// for many readers, so each one is pointed out where it starts, not just folded into a page score.
/// An author can allow one on purpose with <see cref="PlainEnglishRules.AllowLongSentences"/>.
/// </summary>
public sealed class LongSentenceRule(int maxWords) : IProseRule
{
    public string Code => Codes.LongSentence;
    public Severity Severity => Severity.Warning;

    public void Check(ProseText prose, ProseReport report)
    {
        if (prose.IsHeading || prose.LongSentencesAllowed)
        {
            return;
        }

        var sentences = prose.Measure.Sentences;
        for (var i = 0; i < sentences.Count; i++)
        {
            var sentence = sentences[i];
            if (sentence.Words > maxWords)
            {
                var opening = string.Join(' ', prose.Text.Substring(sentence.Start, sentence.Length).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(6));
                report(sentence.Start, string.Create(CultureInfo.InvariantCulture,
                    $"sentence of {sentence.Words} words (more than {maxWords}): split it or cut words (\"{opening} ...\")"));
            }
        }
    }
}
