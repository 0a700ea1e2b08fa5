"""China's working-day calendar, time zone and the holiday file beside a database."""

HOLIDAY_FILE_NAME = "holidays.toml"  # read from beside the database (holiday_file)
