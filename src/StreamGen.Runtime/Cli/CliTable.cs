namespace StreamGen.Runtime;

using global::System;
using global::System.Collections.Generic;
using global::System.IO;
using global::System.Linq;
using global::System.Text.Json;

/// <summary>
/// The <c>--format table</c> printer: objects become rows and their properties columns (in the order they first
/// appear); a result that is an array, or an object holding exactly one array of objects (<c>{"entries": [...]}</c>),
/// prints that array's items as rows; nested values print as compact JSON. A whole result is aligned over all its
/// rows; a stream's rows print as they arrive, aligned on the widths of the first.
/// </summary>
public sealed class CliTable(TextWriter writer)
{
    private const int MaxCellWidth = 60;
    private List<string>? _streamColumns;
    private int[]? _streamWidths;

    public void Write(JsonElement value, bool streaming)
    {
        var rows = Rows(value).ToList();
        if (streaming)
        {
            WriteStreamRows(rows);
            return;
        }

        var columns = Columns(rows);
        var cells = rows.Select(row => columns.Select(column => Cell(row, column)).ToArray()).ToList();
        var widths = columns.Select((column, i) => Math.Max(column.Length, cells.Count == 0 ? 0 : cells.Max(c => c[i].Length))).ToArray();
        WriteRow(columns, widths);
        foreach (var row in cells)
        {
            WriteRow(row, widths);
        }
    }

    private void WriteStreamRows(List<JsonElement> rows)
    {
        foreach (var row in rows)
        {
            if (_streamColumns is null)
            {
                _streamColumns = Columns([row]);
                _streamWidths = _streamColumns.Select(c => Math.Max(c.Length, Cell(row, c).Length)).ToArray();
                WriteRow(_streamColumns, _streamWidths);
            }

            WriteRow(_streamColumns.Select(c => Cell(row, c)).ToArray(), _streamWidths!);
        }
    }

    private void WriteRow(IReadOnlyList<string> cells, int[] widths)
    {
        var line = string.Join("  ", cells.Select((cell, i) => i == cells.Count - 1 ? cell : cell.PadRight(widths[i])));
        writer.WriteLine(line.TrimEnd());
    }

    private static IEnumerable<JsonElement> Rows(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            return value.EnumerateArray();
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            var properties = value.EnumerateObject().ToList();
            if (properties.Count == 1 && properties[0].Value.ValueKind == JsonValueKind.Array
                && properties[0].Value.EnumerateArray().All(item => item.ValueKind == JsonValueKind.Object))
            {
                return properties[0].Value.EnumerateArray();
            }
        }

        return [value];
    }

    private static List<string> Columns(IEnumerable<JsonElement> rows)
    {
        var columns = new List<string>();
        foreach (var row in rows)
        {
            if (row.ValueKind != JsonValueKind.Object)
            {
                if (!columns.Contains("value"))
                {
                    columns.Add("value");
                }

                continue;
            }

            foreach (var property in row.EnumerateObject().Where(p => !columns.Contains(p.Name)))
            {
                columns.Add(property.Name);
            }
        }

        return columns;
    }

    private static string Cell(JsonElement row, string column)
    {
        if (row.ValueKind != JsonValueKind.Object)
        {
            return column == "value" ? Text(row) : "";
        }

        return row.TryGetProperty(column, out var value) ? Text(value) : "";
    }

    private static string Text(JsonElement value)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() ?? "",
            JsonValueKind.Null or JsonValueKind.Undefined => "",
            _ => value.GetRawText(),
        };
        text = text.ReplaceLineEndings(" ");
        return text.Length > MaxCellWidth ? text[..(MaxCellWidth - 1)] + "…" : text;
    }
}
