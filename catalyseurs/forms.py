"""« Solliciter un pair »: the contact form of a catalyseur's card."""

from django import forms

HONEYPOT = "site_web"


class PeerRequestForm(forms.Form):
    nom = forms.CharField(label="Votre nom", max_length=100)
    email = forms.EmailField(
        label="Votre adresse e-mail",
        help_text="Le catalyseur vous répondra à cette adresse ; vous recevrez une copie de votre message.",
    )
    organisation = forms.CharField(label="Votre organisation (facultatif)", max_length=150, required=False)
    message = forms.CharField(
        label="Votre message",
        min_length=20,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Présentez-vous et dites en quoi ce pair peut vous aider (20 à 5 000 caractères).",
    )
    # Hidden from people by the stylesheet; robots that fill every field give themselves away.
    site_web = forms.CharField(label="Laissez ce champ vide", required=False)

    def clean_nom(self):
        nom = self.cleaned_data["nom"]
        if any(char in nom for char in "\r\n<>"):
            raise forms.ValidationError("Le nom ne peut contenir ni retour à la ligne ni chevrons.")
        return nom

    def clean_organisation(self):
        organisation = self.cleaned_data["organisation"]
        if any(char in organisation for char in "\r\n"):
            raise forms.ValidationError("L'organisation tient sur une seule ligne.")
        return organisation

    @property
    def is_robot(self):
        return bool(self.data.get(HONEYPOT, "").strip())
