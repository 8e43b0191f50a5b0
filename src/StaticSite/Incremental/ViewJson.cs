using System.Text.Json.Serialization;
using StaticSite.Content;
using StaticSite.Markdown;
using StaticSite.Resolve;

namespace StaticSite.Incremental;

/// <summary>
/// How the cache turns views into bytes to hash, made at compile time rather than by reflection:
/// the published program is compiled ahead of time (Native AOT), where serialising by reflection
/// is not available. Fields are included, so no tuple (front matter positions) is left out.
/// <c>site.data</c> holds what YAML data files give (maps, lists, text, numbers, true and false),
/// each listed here so that values typed as <c>object</c> can be written.
/// </summary>
[JsonSourceGenerationOptions(IncludeFields = true)]
[JsonSerializable(typeof(SourceDocument))]
[JsonSerializable(typeof(SiteView))]
[JsonSerializable(typeof(PageView))]
[JsonSerializable(typeof(IReadOnlyList<LinkRef>))]
[JsonSerializable(typeof(Dictionary<string, object?>))]
[JsonSerializable(typeof(List<object?>))]
[JsonSerializable(typeof(decimal))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(string))]
internal sealed partial class ViewJson : JsonSerializerContext;
