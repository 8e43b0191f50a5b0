using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace StaticSite.Output;

/// <summary>XML written the same way on every machine: UTF-8 without BOM, two-space indent, '\n'.</summary>
internal static class XmlBytes
{
    public static byte[] Of(XElement root)
    {
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
        };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
        {
            new XDocument(root).Save(writer);
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }
}
