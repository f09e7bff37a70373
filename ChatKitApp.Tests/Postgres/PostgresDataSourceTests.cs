using ChatKitApp.Postgres;

namespace ChatKitApp.Tests.Postgres;

public sealed class PostgresDataSourceTests
{
    [Fact]
    public void Statements_are_prepared_multiplexed_and_connections_not_reset_by_default()
    {
        var builder = PostgresStoreExtensions.CreateDataSourceBuilder("Host=localhost;Database=chatkit");

        Assert.Equal(32, builder.ConnectionStringBuilder.MaxAutoPrepare);
        Assert.True(builder.ConnectionStringBuilder.NoResetOnClose);
        Assert.True(builder.ConnectionStringBuilder.Multiplexing);
    }

    [Fact]
    public void Connection_string_settings_win_over_the_defaults()
    {
        var builder = PostgresStoreExtensions.CreateDataSourceBuilder("Host=localhost;Max Auto Prepare=0;No Reset On Close=false;Multiplexing=false");

        Assert.Equal(0, builder.ConnectionStringBuilder.MaxAutoPrepare);
        Assert.False(builder.ConnectionStringBuilder.NoResetOnClose);
        Assert.False(builder.ConnectionStringBuilder.Multiplexing);
    }
}
