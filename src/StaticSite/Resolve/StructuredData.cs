using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using StaticSite.Content;
using StaticSite.Markdown;

namespace StaticSite.Resolve;

/// <summary>
/// schema.org JSON-LD for a page: a MedicalWebPage about its MedicalCondition, and its
/// BreadcrumbList. Everything in it is taken from what the page shows, so the two cannot disagree.
/// </summary>
public static class StructuredData
{
    public static string For(BuildContext context, ProcessedPage page, IReadOnlyList<LinkView> trail)
    {
        var site = context.Config;
        var meta = page.Source.Meta;
        // Only real places in the site get a breadcrumb trail: not 404.html, which has no address of its own.
        var hasTrail = trail.Count > 0 && page.Source.SitePath.EndsWith('/');
        if (!page.Source.IsArticle && !hasTrail)
        {
            return "";
        }

        // Written straight to UTF-8 rather than built as a JSON tree: one a page, 10,000 at a time.
        // The default encoder, as a tree would use, so "<" and non-ASCII letters are escaped.
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("@context", "https://schema.org");
            json.WriteStartArray("@graph");
            if (page.Source.IsArticle)
            {
                WebPage(json, site, page);
            }

            if (hasTrail)
            {
                json.WriteStartObject();
                json.WriteString("@type", "BreadcrumbList");
                json.WriteStartArray("itemListElement");
                var position = 0;
                foreach (var link in trail.Append(new LinkView(meta.Title ?? "", site.Href(page.Source.SitePath))))
                {
                    json.WriteStartObject();
                    json.WriteString("@type", "ListItem");
                    json.WriteNumber("position", ++position);
                    String(json, "name", link.Title);
                    json.WriteString("item", site.Url + link.Href);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WebPage(Utf8JsonWriter json, SiteConfig site, ProcessedPage page)
    {
        var meta = page.Source.Meta;
        json.WriteStartObject();
        json.WriteString("@type", "MedicalWebPage");
        json.WriteString("@id", site.AbsoluteUrl(page.Source.SitePath));
        json.WriteString("url", site.AbsoluteUrl(page.Source.SitePath));
        String(json, "name", meta.Title);
        String(json, "description", meta.Description);
        String(json, "inLanguage", site.Language);
        json.WriteStartObject("medicalAudience");
        json.WriteString("@type", "MedicalAudience");
        json.WriteString("audienceType", "Patient");
        json.WriteEndObject();
        json.WriteStartObject("publisher");
        json.WriteString("@type", "Organization");
        String(json, "name", site.Publisher);
        json.WriteString("url", site.AbsoluteUrl("/"));
        json.WriteEndObject();
        if (meta.Reviewed is { } reviewed)
        {
            json.WriteString("lastReviewed", reviewed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (meta.Condition is { } condition)
        {
            json.WriteStartObject("mainEntity");
            json.WriteString("@type", "MedicalCondition");
            json.WriteString("name", condition);
            if (meta.OtherNames.Count > 0)
            {
                json.WriteStartArray("alternateName");
                foreach (var name in meta.OtherNames)
                {
                    json.WriteStringValue(name);
                }

                json.WriteEndArray();
            }

            if (meta.Anatomy is { } anatomy)
            {
                json.WriteStartObject("associatedAnatomy");
                json.WriteString("@type", "AnatomicalStructure");
                json.WriteString("name", anatomy);
                json.WriteEndObject();
            }

            var symptoms = page.Checklists.SelectMany(c => c.Items).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            if (symptoms.Count > 0)
            {
                Things(json, "signOrSymptom", "MedicalSignOrSymptom", symptoms);
            }

            if (page.Treatments.Count > 0)
            {
                Things(json, "possibleTreatment", "MedicalTherapy", page.Treatments);
            }

            json.WriteEndObject();
        }

        if (meta.Sources.Count > 0)
        {
            json.WriteStartArray("citation");
            foreach (var source in meta.Sources)
            {
                json.WriteStartObject();
                json.WriteString("@type", "CreativeWork");
                String(json, "name", source.Title);
                String(json, "publisher", source.Publisher);
                String(json, "url", source.Url);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    /// <summary>A list of named things of one schema.org type.</summary>
    private static void Things(Utf8JsonWriter json, string property, string type, IEnumerable<string> names)
    {
        json.WriteStartArray(property);
        foreach (var name in names)
        {
            json.WriteStartObject();
            json.WriteString("@type", type);
            json.WriteString("name", name);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>A text property; one the page does not have is written as null, not left out.</summary>
    private static void String(Utf8JsonWriter json, string property, string? value)
    {
        if (value is null)
        {
            json.WriteNull(property);
        }
        else
        {
            json.WriteString(property, value);
        }
    }
}
