using System.Text.Json.Serialization;

namespace StreamGen.Runtime.Tests.Support;

/// <summary>A result type with views, as the generator writes one: <c>brief</c> leaves the body out and needs nothing more; <c>full</c> needs it.</summary>
public sealed record Note : IViewedResult<Note, NoteView>
{
    [JsonPropertyName("title")]
    public required string Title { get; init; }

    [JsonPropertyName("body")]
    public string? Body { get; init; }

    [JsonPropertyName("mood")]
    public Mood? Mood { get; init; }

    public void Validate(ref ValidationErrors? errors)
    {
        Check.Present(ref errors, "title", Title);
        if (Mood is { } moodValue)
        {
            Check.Enum(ref errors, "mood", moodValue);
        }
    }

    public Note Project(NoteView view) => view == NoteView.Brief ? this with { Body = null } : this;

    public void ValidateView(NoteView view, ref ValidationErrors? errors)
    {
        if (view == NoteView.Full)
        {
            Check.Present(ref errors, "body", Body);
        }
    }
}

/// <summary>The views of <see cref="Note"/>, declared with brief first so the default one is not the zero value.</summary>
public enum NoteView
{
    [JsonStringEnumMemberName("brief")]
    Brief,

    [JsonStringEnumMemberName("default")]
    Full,
}

/// <summary>A design enum as the generator writes one: members from 1, the design's strings on the wire.</summary>
[JsonConverter(typeof(WireEnumConverter<Mood>))]
public enum Mood
{
    [JsonStringEnumMemberName("calm")]
    Calm = 1,

    [JsonStringEnumMemberName("in-a-hurry")]
    InAHurry = 2,
}
