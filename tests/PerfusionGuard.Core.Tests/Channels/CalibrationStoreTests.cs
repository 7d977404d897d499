using System.Text;
using PerfusionGuard.Channels;
using PerfusionGuard.Integrity;
using PerfusionGuard.Tests.Fakes;
using PerfusionGuard.Units;
using Xunit;

namespace PerfusionGuard.Tests.SensorChannels
{
    public class CalibrationStoreTests
    {
        private static CalibrationSet SetWithZero(double arterialZeroCounts)
        {
            var set = new CalibrationSet();
            set.SetPressure(ChannelId.PArterial, new PressureCalibration(arterialZeroCounts, 2.978));
            set.SetPressure(ChannelId.PVenous, new PressureCalibration(1224.1, 2.978));
            set.SetFlow(ChannelId.FlowArterial, new FlowCalibration(1228.5, 327.6));
            set.SetLevel(new LevelCalibration(409.5, 0.819));
            return set;
        }

        [Fact]
        public void Crc32_matches_the_ieee_check_value()
        {
            byte[] data = Encoding.ASCII.GetBytes("123456789");
            Assert.Equal(0xCBF43926u, Crc32.Compute(data, 0, data.Length));
            uint running = Crc32.Update(Crc32.Initial, data, 0, 4);
            running = Crc32.Update(running, data, 4, 5);
            Assert.Equal(0xCBF43926u, Crc32.Finish(running));
            Assert.Equal(0u, Crc32.Compute(data, 0, 0));
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-014")]
        public void Saved_calibration_loads_back_bit_for_bit()
        {
            // SAF-CHN-014
            var nv = new TearableNonVolatileStore();
            var saved = SetWithZero(1225.37);
            new CalibrationStore(nv).Save(saved);
            var loaded = new CalibrationSet();
            Assert.True(new CalibrationStore(nv).TryLoad(loaded, out string error), error);
            Assert.True(loaded.SameAs(saved));
            Assert.Equal(2.978, loaded.GetPressure(ChannelId.PArterial).SpanCountsPerMmHg);
            Assert.False(loaded.Has(ChannelId.PCardioplegia));
            Assert.False(loaded.GetPressure(ChannelId.PCardioplegia).IsValid);
            Assert.True(nv.Flushes > 0);
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-014")]
        public void Empty_store_loads_nothing_and_says_why()
        {
            // SAF-CHN-014
            var loaded = SetWithZero(1.0);
            Assert.False(new CalibrationStore(new TearableNonVolatileStore()).TryLoad(loaded, out string error));
            Assert.Contains("slot A: empty", error);
            Assert.True(loaded.SameAs(SetWithZero(1.0)), "a failed load leaves the set unchanged");
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-014")]
        public void Newest_of_many_saves_wins_and_slots_alternate()
        {
            // SAF-CHN-014
            var nv = new TearableNonVolatileStore();
            var store = new CalibrationStore(nv);
            for (int i = 1; i <= 5; i++)
            {
                store.Save(SetWithZero(1000 + i));
                Assert.Equal(i % 2 == 1 ? 'A' : 'B', store.CurrentSlot);
            }

            var loaded = new CalibrationSet();
            var reader = new CalibrationStore(nv);
            Assert.True(reader.TryLoad(loaded, out _));
            Assert.Equal(1005, loaded.GetPressure(ChannelId.PArterial).ZeroOffsetCounts);
            Assert.Equal(5u, reader.Sequence);
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-014")]
        public void Power_cut_at_every_byte_of_a_save_leaves_the_old_or_the_new_calibration_never_garbage()
        {
            // SAF-CHN-014: for the 1st, 2nd and 3rd save (empty store, one old copy, two old
            // copies), cut the power after every possible number of written bytes, reboot, load.
            for (int priorSaves = 0; priorSaves <= 2; priorSaves++)
            {
                for (int cut = 0; cut <= CalibrationStore.RecordBytes; cut++)
                {
                    var nv = new TearableNonVolatileStore();
                    var store = new CalibrationStore(nv);
                    for (int p = 1; p <= priorSaves; p++)
                    {
                        store.Save(SetWithZero(1000 + p));
                    }

                    var next = SetWithZero(2000);
                    nv.WriteBudgetBytes = cut;
                    bool completed = true;
                    try
                    {
                        store.Save(next);
                    }
                    catch (PowerCutException)
                    {
                        completed = false;
                    }

                    nv.WriteBudgetBytes = -1;
                    var loaded = new CalibrationSet();
                    bool ok = new CalibrationStore(nv).TryLoad(loaded, out string error);
                    string where = $"prior saves {priorSaves}, cut after {cut} bytes";
                    if (completed)
                    {
                        Assert.True(ok, where + ": " + error);
                        Assert.True(loaded.SameAs(next), where);
                    }
                    else if (priorSaves == 0)
                    {
                        Assert.False(ok, where + ": a torn first save must not load");
                    }
                    else
                    {
                        Assert.True(ok, where + ": " + error);
                        Assert.True(loaded.SameAs(SetWithZero(1000 + priorSaves)), where + ": the previous calibration must survive");
                    }
                }
            }
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-014")]
        public void Flipped_bit_in_the_newest_slot_falls_back_to_the_older_copy_with_a_note()
        {
            // SAF-CHN-014
            var nv = new TearableNonVolatileStore();
            var store = new CalibrationStore(nv);
            store.Save(SetWithZero(1001));
            store.Save(SetWithZero(1002));                 // slot B
            nv.Memory[CalibrationStore.SlotBytes + 40] ^= 0x10;
            var loaded = new CalibrationSet();
            var reader = new CalibrationStore(nv);
            Assert.True(reader.TryLoad(loaded, out _));
            Assert.Equal(1001, loaded.GetPressure(ChannelId.PArterial).ZeroOffsetCounts);
            Assert.Contains("CRC", reader.LastLoadNote);

            // the next save goes over the damaged slot, not over the good one
            reader.Save(SetWithZero(1003));
            Assert.Equal('B', reader.CurrentSlot);
        }

        [Fact]
        public void Store_too_small_is_refused_with_the_sizes_in_the_message()
        {
            var ex = Assert.Throws<System.ArgumentOutOfRangeException>(() => new CalibrationStore(new TearableNonVolatileStore(300)));
            Assert.Contains("512", ex.Message);
            Assert.Contains("300", ex.Message);
        }

        [Fact]
        public void Non_finite_value_is_not_saved()
        {
            var set = new CalibrationSet();
            set.SetPressure(ChannelId.PArterial, new PressureCalibration(double.NaN, 1));
            var ex = Assert.Throws<System.ArgumentException>(() => new CalibrationStore(new TearableNonVolatileStore()).Save(set));
            Assert.Contains("p_arterial", ex.Message);
        }

        [Fact]
        public void Sets_hand_back_typed_calibrations()
        {
            var set = SetWithZero(1225);
            Assert.Equal(327.6, set.GetFlow(ChannelId.FlowArterial).SpanCountsPerLPerMin);
            Assert.Equal(0.819, set.GetLevel().SpanCountsPerMl);
            Assert.Equal(1000.0, set.GetLevel().ToVolume(409.5 + 819).Ml, 6);
        }
    }
}
