using System.Globalization;
using System.Text;
using System.Xml;

namespace Usm.Cli.Svg;

/// <summary>
/// A very small SVG writer: rectangles, lines, polylines and text, written with <see cref="XmlWriter"/> so that the
/// output is always well-formed XML with escaped text. Numbers are written culture-invariantly.
/// </summary>
internal sealed class SvgDocument
{
    private readonly StringBuilder _buffer = new();
    private readonly XmlWriter _xml;

    public SvgDocument(double width, double height, string title)
    {
        _xml = XmlWriter.Create(_buffer, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false, Encoding = Encoding.UTF8 });
        _xml.WriteStartElement("svg", "http://www.w3.org/2000/svg");
        _xml.WriteAttributeString("width", N(width));
        _xml.WriteAttributeString("height", N(height));
        _xml.WriteAttributeString("viewBox", $"0 0 {N(width)} {N(height)}");
        _xml.WriteAttributeString("font-family", "Segoe UI, Helvetica, Arial, sans-serif");
        _xml.WriteElementString("title", "http://www.w3.org/2000/svg", title);
        Rect(0, 0, width, height, "#ffffff");
    }

    public static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    public SvgDocument Rect(double x, double y, double w, double h, string fill, string? stroke = null, string? dataName = null, string? dataValue = null)
    {
        _xml.WriteStartElement("rect");
        _xml.WriteAttributeString("x", N(x));
        _xml.WriteAttributeString("y", N(y));
        _xml.WriteAttributeString("width", N(w));
        _xml.WriteAttributeString("height", N(h));
        _xml.WriteAttributeString("fill", fill);
        if (stroke is not null)
        {
            _xml.WriteAttributeString("stroke", stroke);
        }

        if (dataName is not null)
        {
            _xml.WriteAttributeString("data-" + dataName, dataValue ?? string.Empty);
        }

        _xml.WriteEndElement();
        return this;
    }

    public SvgDocument Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string? dash = null)
    {
        _xml.WriteStartElement("line");
        _xml.WriteAttributeString("x1", N(x1));
        _xml.WriteAttributeString("y1", N(y1));
        _xml.WriteAttributeString("x2", N(x2));
        _xml.WriteAttributeString("y2", N(y2));
        _xml.WriteAttributeString("stroke", stroke);
        _xml.WriteAttributeString("stroke-width", N(width));
        if (dash is not null)
        {
            _xml.WriteAttributeString("stroke-dasharray", dash);
        }

        _xml.WriteEndElement();
        return this;
    }

    public SvgDocument Polyline(IEnumerable<(double X, double Y)> points, string stroke, double width, string? dataName = null, string? dataValue = null, string? dash = null)
    {
        _xml.WriteStartElement("polyline");
        _xml.WriteAttributeString("points", string.Join(" ", points.Select(p => N(p.X) + "," + N(p.Y))));
        _xml.WriteAttributeString("fill", "none");
        _xml.WriteAttributeString("stroke", stroke);
        _xml.WriteAttributeString("stroke-width", N(width));
        if (dash is not null)
        {
            _xml.WriteAttributeString("stroke-dasharray", dash);
        }

        if (dataName is not null)
        {
            _xml.WriteAttributeString("data-" + dataName, dataValue ?? string.Empty);
        }

        _xml.WriteEndElement();
        return this;
    }

    public SvgDocument Circle(double cx, double cy, double r, string fill)
    {
        _xml.WriteStartElement("circle");
        _xml.WriteAttributeString("cx", N(cx));
        _xml.WriteAttributeString("cy", N(cy));
        _xml.WriteAttributeString("r", N(r));
        _xml.WriteAttributeString("fill", fill);
        _xml.WriteEndElement();
        return this;
    }

    public SvgDocument Text(double x, double y, string text, double size = 12, string anchor = "start", string fill = "#222222", bool bold = false, double rotate = 0)
    {
        _xml.WriteStartElement("text");
        _xml.WriteAttributeString("x", N(x));
        _xml.WriteAttributeString("y", N(y));
        _xml.WriteAttributeString("font-size", N(size));
        _xml.WriteAttributeString("text-anchor", anchor);
        _xml.WriteAttributeString("fill", fill);
        if (bold)
        {
            _xml.WriteAttributeString("font-weight", "600");
        }

        if (rotate != 0)
        {
            _xml.WriteAttributeString("transform", $"rotate({N(rotate)} {N(x)} {N(y)})");
        }

        _xml.WriteString(text);
        _xml.WriteEndElement();
        return this;
    }

    public override string ToString()
    {
        _xml.WriteEndElement();
        _xml.Flush();
        return _buffer.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }
}
