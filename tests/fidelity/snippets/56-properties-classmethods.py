class Temperature:
    scale = 'C'
    def __init__(self, celsius):
        self._celsius = celsius
    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32
    @fahrenheit.setter
    def fahrenheit(self, value):
        self._celsius = (value - 32) * 5 / 9
    @classmethod
    def freezing(cls):
        return cls(0)
    @staticmethod
    def describe(value):
        return str(value) + ' degrees'
t = Temperature.freezing()
reading = t.fahrenheit
t.fahrenheit = 212
maker = Temperature.freezing
label = Temperature.describe(t._celsius)
print(reading, t._celsius, label, maker().scale)
t = None
