namespace StreamGen.Runtime.Tests.Hosting;

/// <summary>The generated host's run: a bad configuration value is exit code 2 and one line, before anything listens.</summary>
public sealed class ServerHostTests
{
    [Fact]
    public async Task A_bad_configuration_value_is_exit_code_2_without_building_the_server()
    {
        var mapped = false;

        var exit = await ServerHost.RunAsync("test", [], _ => throw new ServerConfigurationException("Http:Port is 0"), _ => mapped = true);

        Assert.Equal(2, exit);
        Assert.False(mapped);
    }
}
