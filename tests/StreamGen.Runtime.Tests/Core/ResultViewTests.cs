using StreamGen.Runtime.Tests.Support;

namespace StreamGen.Runtime.Tests.Core;

/// <summary>The view a viewed stream renders in: the design's default view until one is chosen, by name both ways.</summary>
public sealed class ResultViewTests
{
    private static readonly Note Full = new() { Title = "t", Body = "b" };

    [Fact]
    public void The_default_view_is_the_one_named_default_not_the_zero_value()
    {
        var view = default(ResultView<Note, NoteView>);

        Assert.Equal(NoteView.Full, view.View);
        Assert.Equal("b", view.Render(Full).Body);
    }

    [Fact]
    public void Choosing_a_view_gives_its_name_for_the_header_and_renders_in_it()
    {
        var view = default(ResultView<Note, NoteView>);

        var name = view.Select(NoteView.Brief);

        Assert.Equal(("brief", NoteView.Brief), (name, view.View));
        Assert.Equal(Full with { Body = null }, view.Render(Full));
    }

    [Theory]
    [InlineData("brief", NoteView.Brief)]
    [InlineData("default", NoteView.Full)]
    [InlineData(null, NoteView.Full)]
    [InlineData("", NoteView.Full)]
    [InlineData("unknown", NoteView.Full)]
    public void A_client_reads_the_view_from_the_header(string? header, NoteView view) => Assert.Equal(view, ResultView<Note, NoteView>.Parse(header));
}
