using PerfusionGuard.Hal;
using PerfusionGuard.Integrity;
using PerfusionGuard.Profiles;
using PerfusionGuard.Safety;
using PerfusionGuard.Units;

namespace PerfusionGuard.Shell.Adapters
{
    /// <summary>
    /// The console's settings on a real module: the pressure limits of the active profile's rules
    /// ("limit.p_arterial_high" in mmHg), applied to the live rule objects (ProfileCatalog hands
    /// out a fresh copy per module) and persisted in a small CRC-framed record. Every setting here
    /// is a limit, so the shell changes them only with the pump stopped (SAF-CON-004). The table
    /// follows the profile: after a profile change the keys are those of the new profile.
    /// </summary>
    public sealed class ProfileLimitSettings : IConfigStore
    {
        /// <summary>Bytes of the persisted record for up to <see cref="MaxSettings"/> limits.</summary>
        public const int RecordBytes = 8 + MaxSettings * 4 + 4;

        /// <summary>Most limits a profile can expose.</summary>
        public const int MaxSettings = 24;

        private const uint Magic = 0x314C4750; // "PGL1"

        private readonly IModuleStatus _status;
        private readonly INonVolatileStore _store;
        private readonly int _address;
        private readonly ConditionRule[] _rules = new ConditionRule[MaxSettings];
        private readonly string[] _keys = new string[MaxSettings];
        private readonly int[] _defaults = new int[MaxSettings];
        private readonly byte[] _record = new byte[RecordBytes];
        private CircuitProfile _profile;
        private int _count;
        private bool _dirty;

        /// <summary>Settings of <paramref name="status"/>'s profile, stored at <paramref name="address"/> of <paramref name="store"/> (null: not persisted).</summary>
        public ProfileLimitSettings(IModuleStatus status, INonVolatileStore store, int address)
        {
            _status = status;
            _store = store;
            _address = address;
            Sync();
        }

        /// <inheritdoc />
        public int Count
        {
            get
            {
                Sync();
                return _count;
            }
        }

        /// <inheritdoc />
        public string KeyAt(int index)
        {
            Sync();
            return _keys[index];
        }

        /// <inheritdoc />
        public int IndexOf(string key)
        {
            Sync();
            for (int i = 0; i < _count; i++)
            {
                if (_keys[i] == key)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <inheritdoc />
        public int ValueAt(int index)
        {
            Sync();
            return RoundMmHg(_rules[index].PressureLimit.MmHg);
        }

        /// <inheritdoc />
        public string UnitAt(int index) => "mmHg";

        /// <inheritdoc />
        public bool IsSafetyRelevant(int index) => true;

        /// <inheritdoc />
        public bool TrySet(int index, int value, out string reason)
        {
            Sync();
            ConditionRule rule = _rules[index];
            int min;
            int max;
            RangeOf(rule, out min, out max);
            if (value < min || value > max)
            {
                reason = "must be from " + min.ToString() + " to " + max.ToString() + " mmHg";
                return false;
            }

            rule.PressureLimit = Pressure.FromMmHg(value);
            _dirty = true;
            reason = null;
            return true;
        }

        /// <inheritdoc />
        public bool HasUnsavedChanges => _dirty;

        /// <inheritdoc />
        public bool Save(out string reason)
        {
            Sync();
            if (_store == null)
            {
                reason = "this board has no settings store";
                return false;
            }

            for (int i = 0; i < _record.Length; i++)
            {
                _record[i] = 0;
            }

            PutInt(0, (int)Magic);
            _record[4] = (byte)_profile.Circuit;
            _record[5] = (byte)_count;
            for (int i = 0; i < _count; i++)
            {
                PutInt(8 + i * 4, ValueAt(i));
            }

            PutInt(RecordBytes - 4, (int)Crc32.Compute(_record, 0, RecordBytes - 4));
            try
            {
                _store.Write(_address, _record, 0, RecordBytes);
                _store.Flush();
            }
            catch (System.Exception e)
            {
                reason = "store write failed: " + e.Message;
                return false;
            }

            _dirty = false;
            reason = null;
            return true;
        }

        /// <summary>
        /// Applies the stored limits when the record is intact and belongs to the active profile;
        /// false with a reason otherwise (the profile's defaults then stay in force).
        /// </summary>
        public bool TryLoad(out string reason)
        {
            Sync();
            if (_store == null)
            {
                reason = "no settings store";
                return false;
            }

            _store.Read(_address, _record, 0, RecordBytes);
            if ((uint)GetInt(0) != Magic)
            {
                reason = "no stored limits";
                return false;
            }

            if ((uint)GetInt(RecordBytes - 4) != Crc32.Compute(_record, 0, RecordBytes - 4))
            {
                reason = "stored limits damaged (CRC mismatch); defaults in force";
                return false;
            }

            if (_record[4] != (byte)_profile.Circuit || _record[5] != _count)
            {
                reason = "stored limits belong to another profile; defaults in force";
                return false;
            }

            for (int i = 0; i < _count; i++)
            {
                string ignored;
                TrySet(i, GetInt(8 + i * 4), out ignored);
            }

            _dirty = false;
            reason = null;
            return true;
        }

        /// <inheritdoc />
        public void ResetToDefaults()
        {
            Sync();
            for (int i = 0; i < _count; i++)
            {
                _rules[i].PressureLimit = Pressure.FromMmHg(_defaults[i]);
            }

            _dirty = true;
        }

        private void Sync()
        {
            CircuitProfile profile = _status.Profile;
            if (profile == _profile)
            {
                return;
            }

            _profile = profile;
            _count = 0;
            _dirty = false;
            for (int i = 0; profile != null && profile.Rules != null && i < profile.Rules.Length && _count < MaxSettings; i++)
            {
                ConditionRule rule = profile.Rules[i];
                if (rule.Kind == ConditionKind.PressureHigh || rule.Kind == ConditionKind.PressureLow
                    || rule.Kind == ConditionKind.PressureDropHigh || rule.Kind == ConditionKind.PressureServo)
                {
                    _rules[_count] = rule;
                    _keys[_count] = "limit." + rule.AlarmId.ToLower();
                    _defaults[_count] = RoundMmHg(rule.PressureLimit.MmHg);
                    _count++;
                }
            }
        }

        // Plausible limit ranges (DOMAIN.md pressures): wide enough for every circuit, narrow
        // enough that a typo ("3000") is refused; a servo limit stays above its servo start.
        private static void RangeOf(ConditionRule rule, out int min, out int max)
        {
            switch (rule.Kind)
            {
                case ConditionKind.PressureLow:
                    min = -400;
                    max = 200;
                    break;
                case ConditionKind.PressureDropHigh:
                    min = 20;
                    max = 400;
                    break;
                case ConditionKind.PressureServo:
                    min = RoundMmHg(rule.ServoStart.MmHg) + 10;
                    max = 800;
                    break;
                default:
                    min = 20;
                    max = 800;
                    break;
            }
        }

        private static int RoundMmHg(double mmHg) => (int)(mmHg < 0 ? mmHg - 0.5 : mmHg + 0.5);

        private void PutInt(int offset, int value)
        {
            _record[offset] = (byte)value;
            _record[offset + 1] = (byte)(value >> 8);
            _record[offset + 2] = (byte)(value >> 16);
            _record[offset + 3] = (byte)(value >> 24);
        }

        private int GetInt(int offset) =>
            _record[offset] | (_record[offset + 1] << 8) | (_record[offset + 2] << 16) | (_record[offset + 3] << 24);
    }
}
