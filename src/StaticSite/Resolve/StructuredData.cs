using System.Text.Json;
using System.Text.Json.Nodes;
using StaticSite.Markdown;

namespace StaticSite.Resolve;

/// <summary>
/// schema.org JSON-LD for a page: a MedicalWebPage about its MedicalCondition, and its
/// BreadcrumbList. Everything in it is taken from what the page shows, so the two cannot disagree.
/// </summary>
public static class StructuredData
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    public static string For(BuildContext context, ProcessedPage page, IReadOnlyList<LinkView> trail)
    {
        var site = context.Config;
        var meta = page.Source.Meta;
        var graph = new JsonArray();
        if (page.Source.IsArticle)
        {
            var webPage = new JsonObject
            {
                ["@type"] = "MedicalWebPage",
                ["@id"] = site.AbsoluteUrl(page.Source.SitePath),
                ["url"] = site.AbsoluteUrl(page.Source.SitePath),
                ["name"] = meta.Title,
                ["description"] = meta.Description,
                ["inLanguage"] = site.Language,
                ["medicalAudience"] = new JsonObject { ["@type"] = "MedicalAudience", ["audienceType"] = "Patient" },
                ["publisher"] = new JsonObject { ["@type"] = "Organization", ["name"] = site.Publisher, ["url"] = site.AbsoluteUrl("/") },
            };
            if (meta.Reviewed is { } reviewed)
            {
                webPage["lastReviewed"] = reviewed.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            }

            if (meta.Condition is { } condition)
            {
                var entity = new JsonObject { ["@type"] = "MedicalCondition", ["name"] = condition };
                if (meta.OtherNames.Count > 0)
                {
                    entity["alternateName"] = new JsonArray(meta.OtherNames.Select(n => (JsonNode?)JsonValue.Create(n)).ToArray());
                }

                if (meta.Anatomy is { } anatomy)
                {
                    entity["associatedAnatomy"] = new JsonObject { ["@type"] = "AnatomicalStructure", ["name"] = anatomy };
                }

                var symptoms = page.Checklists.SelectMany(c => c.Items).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList();
                if (symptoms.Count > 0)
                {
                    entity["signOrSymptom"] = new JsonArray(symptoms
                        .Select(s => (JsonNode?)new JsonObject { ["@type"] = "MedicalSignOrSymptom", ["name"] = s }).ToArray());
                }

                if (page.Treatments.Count > 0)
                {
                    entity["possibleTreatment"] = new JsonArray(page.Treatments
                        .Select(t => (JsonNode?)new JsonObject { ["@type"] = "MedicalTherapy", ["name"] = t }).ToArray());
                }

                webPage["mainEntity"] = entity;
            }

            if (meta.Sources.Count > 0)
            {
                webPage["citation"] = new JsonArray(meta.Sources
                    .Select(s => (JsonNode?)new JsonObject { ["@type"] = "CreativeWork", ["name"] = s.Title, ["publisher"] = s.Publisher, ["url"] = s.Url }).ToArray());
            }

            graph.Add((JsonNode)webPage);
        }

        // Only real places in the site get a breadcrumb trail: not 404.html, which has no address of its own.
        if (trail.Count > 0 && page.Source.SitePath.EndsWith('/'))
        {
            var items = trail.Append(new LinkView(meta.Title ?? "", context.Config.Href(page.Source.SitePath)))
                .Select((link, i) => (JsonNode?)new JsonObject
                {
                    ["@type"] = "ListItem",
                    ["position"] = i + 1,
                    ["name"] = link.Title,
                    ["item"] = site.Url + link.Href,
                }).ToArray();
            graph.Add((JsonNode)new JsonObject { ["@type"] = "BreadcrumbList", ["itemListElement"] = new JsonArray(items) });
        }

        if (graph.Count == 0)
        {
            return "";
        }

        var root = new JsonObject { ["@context"] = "https://schema.org", ["@graph"] = graph };
        return root.ToJsonString(Options);
    }
}
