#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Génère le tableau des effectifs de la « commune témoin ».

DONNÉES FICTIVES. Ce script fabrique un tableau des effectifs SYNTHÉTIQUE de
1 000 postes pour une commune imaginaire d'environ 20 000 habitants. Aucun
agent, aucune collectivité réelle n'est décrit : les matricules, intitulés,
quotités, affectations et coûts sont inventés, avec une structure seulement
vraisemblable (répartition par catégorie et par filière proche des ordres de
grandeur des bilans sociaux des communes). Ne pas présenter ces chiffres
comme des statistiques réelles.

Sortie : samples/commune-temoin/tableau-des-effectifs.csv
  séparateur « ; », UTF-8 sans BOM, virgule décimale pour l'ETP, en-tête :
  Matricule;Intitulé du poste;Métier;Catégorie;Filière;Direction;Service;ETP;Coût annuel chargé
Le coût annuel chargé (rémunération et cotisations employeur, en euros entiers,
écrit « 38 250 ») est INVENTÉ : un tirage dans une fourchette par catégorie,
d'un ordre de grandeur tiré des grilles indiciaires publiques, multiplié par
l'ETP ; ce ne sont pas des salaires réels. Il est tiré avec une graine à part,
après les autres colonnes, qui restent donc identiques à celles d'avant son ajout.
La colonne « Métier » reprend exactement la colonne `metier` de
data/referentiel/metiers_territoriaux.csv (vérifié à l'exécution).

Usage : python3 samples/generate_commune.py   (bibliothèque standard seule,
résultat identique à chaque exécution grâce à une graine fixe).
"""
import csv
import os
import random
import sys
import unicodedata
from collections import Counter

SEED = 20240415  # graine fixe : sortie déterministe
N_POSTS = 1000

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
REFERENTIEL = os.path.join(REPO, "data", "referentiel", "metiers_territoriaux.csv")
OUT = os.path.join(HERE, "commune-temoin", "tableau-des-effectifs.csv")

DGS = "Direction générale des services"
DRH = "Direction des ressources humaines"
DFI = "Direction des finances et de la commande publique"
DCI = "Direction de la citoyenneté et des relations aux usagers"
DST = "Direction des services techniques et de l'urbanisme"
DEE = "Direction de l'éducation et de l'enfance"
DCU = "Direction de la culture"
DSP = "Direction des sports"
DTP = "Direction de la tranquillité publique"
DSO = "CCAS - Direction des solidarités"
DIRECTIONS = [DGS, DRH, DFI, DCI, DST, DEE, DCU, DSP, DTP, DSO]

# (métier du référentiel, effectif, catégories "C" ou "C:4,B:2", filière, direction, service, intitulés possibles)
# Les intitulés imitent la saisie libre des services RH : formes masculines et
# féminines, abréviations, majuscules, mentions H/F.
PLAN = [
    # --- Direction générale des services -------------------------------------------------
    ("Directeur ou directrice général(e) des services", 1, "A", "administrative", DGS, "Direction générale",
     ["Directeur général des services", "Directrice générale des services", "DGS"]),
    ("Directeur ou directrice général(e) adjoint(e) des services", 3, "A", "administrative", DGS, "Direction générale",
     ["DGA Ressources", "Directrice générale adjointe Services à la population", "DGA pôle Solidarités", "Directeur général adjoint"]),
    ("Collaborateur ou collaboratrice de cabinet", 2, "A", "administrative", DGS, "Cabinet du Maire",
     ["Collaborateur de cabinet", "Collaboratrice de cabinet", "Directeur de cabinet"]),
    ("Assistant ou assistante de direction", 5, "C:3,B:2", "administrative", DGS, "Secrétariat général",
     ["Assistante de direction", "Assistant de direction", "ASS. DE DIRECTION", "Assistante du Maire et du DGS", "Assistante de direction H/F"]),
    ("Agent ou agente de gestion administrative", 6, "C", "administrative", DGS, "Secrétariat général",
     ["Agent administratif", "Agente administrative", "Adjoint administratif", "Agent de secrétariat"]),
    ("Chargé ou chargée du fonctionnement des assemblées", 2, "B", "administrative", DGS, "Secrétariat général",
     ["Chargée des assemblées", "Gestionnaire des assemblées et délibérations", "Chargé du conseil municipal"]),
    ("Juriste", 2, "A", "administrative", DGS, "Affaires juridiques",
     ["Juriste", "Juriste droit public", "Juriste H/F"]),
    ("Responsable des affaires juridiques", 1, "A", "administrative", DGS, "Affaires juridiques",
     ["Responsable des affaires juridiques", "Resp. service juridique"]),
    ("Délégué ou déléguée à la protection des données", 1, "A", "administrative", DGS, "Affaires juridiques",
     ["Délégué à la protection des données", "DPO", "Déléguée protection des données (RGPD)"]),
    ("Chargé ou chargée de la gestion des assurances", 1, "C", "administrative", DGS, "Affaires juridiques",
     ["Gestionnaire assurances", "Gestionnaire sinistres et assurances"]),
    ("Contrôleur ou contrôleuse de gestion", 1, "A", "administrative", DGS, "Pilotage et évaluation",
     ["Contrôleur de gestion", "Contrôleuse de gestion"]),
    ("Chargé ou chargée de mission", 2, "A", "administrative", DGS, "Pilotage et évaluation",
     ["Chargée de mission", "Chargé de mission transition", "Chargée de mission égalité femmes-hommes"]),
    ("Chargé ou chargée de la démarche qualité et de la relation aux usagers", 1, "A", "administrative", DGS, "Pilotage et évaluation",
     ["Chargée de la qualité de service", "Chargé qualité et relation usagers"]),
    ("Directeur ou directrice de la communication", 1, "A", "administrative", DGS, "Communication",
     ["Directrice de la communication", "Directeur communication"]),
    ("Chargé ou chargée de communication", 3, "A:1,B:2", "administrative", DGS, "Communication",
     ["Chargée de communication", "Chargé de communication", "Chargée de communication H/F", "CHARGE DE COMMUNICATION"]),
    ("Chargé ou chargée de communication numérique", 2, "B", "administrative", DGS, "Communication",
     ["Chargée de communication numérique", "Community manager", "Chargé de communication digitale"]),
    ("Rédacteur ou rédactrice en chef (journal municipal)", 1, "A", "administrative", DGS, "Communication",
     ["Rédactrice en chef du magazine municipal", "Rédacteur en chef"]),
    ("Chargé ou chargée de création graphique", 2, "C:1,B:1", "technique", DGS, "Communication",
     ["Graphiste", "Infographiste", "Chargée de création graphique"]),
    ("Photographe", 1, "C", "technique", DGS, "Communication",
     ["Photographe", "Photographe - vidéaste"]),
    ("Chargé ou chargée du protocole et de l'événementiel", 2, "B:1,C:1", "administrative", DGS, "Communication",
     ["Chargée du protocole", "Chargé de l'événementiel et du protocole", "Resp. protocole et fêtes"]),
    ("Agent ou agente de reprographie", 2, "C", "technique", DGS, "Communication",
     ["Agent de reprographie", "Reprographe", "Agent imprimerie"]),
    ("Directeur ou directrice des systèmes d'information", 1, "A", "technique", DGS, "Systèmes d'information",
     ["Directeur des systèmes d'information", "DSI"]),
    ("Chef ou cheffe de projet informatique", 2, "A", "technique", DGS, "Systèmes d'information",
     ["Chef de projet informatique", "Cheffe de projet applications métiers", "Chef de projet SI"]),
    ("Administrateur ou administratrice systèmes et bases de données", 2, "A:1,B:1", "technique", DGS, "Systèmes d'information",
     ["Administrateur systèmes et réseaux", "Administrateur systèmes", "Administratrice bases de données"]),
    ("Administrateur ou administratrice réseaux et télécommunications", 1, "B", "technique", DGS, "Systèmes d'information",
     ["Administrateur réseaux et télécoms"]),
    ("Technicien ou technicienne support et déploiement", 4, "B:2,C:2", "technique", DGS, "Systèmes d'information",
     ["Technicien informatique", "Technicienne support utilisateurs", "Technicien de proximité", "TECHNICIEN INFORMATIQUE", "Tech. support et déploiement"]),
    ("Administrateur ou administratrice du système d'information géographique", 1, "B", "technique", DGS, "Systèmes d'information",
     ["Administrateur SIG", "Géomaticienne"]),
    ("Webmestre", 1, "B", "technique", DGS, "Systèmes d'information",
     ["Webmaster", "Webmestre"]),
    ("Gestionnaire de parc informatique et téléphonique", 1, "C", "technique", DGS, "Systèmes d'information",
     ["Gestionnaire parc informatique et téléphonie"]),
    ("Agent ou agente de gestion du courrier", 3, "C", "administrative", DGS, "Courrier",
     ["Agent courrier", "Agente du service courrier", "Vaguemestre", "Agent de gestion du courrier"]),
    ("Appariteur ou apparitrice", 2, "C", "technique", DGS, "Courrier",
     ["Appariteur", "Appariteur - coursier", "APPARITEUR"]),
    # --- Ressources humaines -------------------------------------------------------------
    ("Directeur ou directrice des ressources humaines", 1, "A", "administrative", DRH, "Direction",
     ["Directrice des ressources humaines", "DRH"]),
    ("Responsable de la gestion administrative et de la paie", 1, "A", "administrative", DRH, "Carrière et paie",
     ["Responsable carrière et paie", "Resp. gestion administrative du personnel"]),
    ("Assistant ou assistante de gestion ressources humaines", 8, "C:6,B:2", "administrative", DRH, "Carrière et paie",
     ["Assistante de gestion RH", "Assistant de gestion ressources humaines", "Assistante RH", "Assistante de gestion RH H/F",
      "ASSISTANTE RH", "Assist. gestion RH"]),
    ("Gestionnaire carrière", 3, "C:2,B:1", "administrative", DRH, "Carrière et paie",
     ["Gestionnaire carrière", "Gestionnaire carrières", "Gest. carrière"]),
    ("Gestionnaire paie", 4, "C:3,B:1", "administrative", DRH, "Carrière et paie",
     ["Gestionnaire paie", "Gestionnaire de paie", "Gestionnaire carrière-paie", "GESTIONNAIRE PAIE"]),
    ("Gestionnaire absences et retraites", 2, "C", "administrative", DRH, "Carrière et paie",
     ["Gestionnaire absences", "Gestionnaire retraites et absentéisme"]),
    ("Chargé ou chargée du recrutement et de la mobilité", 2, "A:1,B:1", "administrative", DRH, "Emploi et compétences",
     ["Chargée de recrutement", "Chargé de recrutement et mobilité", "Chargée emploi-mobilité"]),
    ("Chargé ou chargée de formation", 2, "B", "administrative", DRH, "Emploi et compétences",
     ["Chargée de formation", "Chargé de formation"]),
    ("Chargé ou chargée de la gestion prévisionnelle des emplois et des compétences", 1, "A", "administrative", DRH, "Emploi et compétences",
     ["Chargée GPEEC", "Chargé de GPEC"]),
    ("Conseiller ou conseillère en prévention des risques professionnels", 1, "A", "technique", DRH, "Santé et qualité de vie au travail",
     ["Conseiller prévention", "Conseillère en prévention des risques professionnels"]),
    ("Assistant ou assistante de prévention", 2, "C", "technique", DRH, "Santé et qualité de vie au travail",
     ["Assistant de prévention", "Assistante de prévention"]),
    ("Chargé ou chargée de l'action sociale en faveur du personnel", 1, "B", "administrative", DRH, "Santé et qualité de vie au travail",
     ["Chargée de l'action sociale du personnel"]),
    ("Médecin du travail", 1, "A", "médico-sociale", DRH, "Santé et qualité de vie au travail",
     ["Médecin de prévention", "Médecin du travail"]),
    ("Infirmier ou infirmière en santé au travail", 1, "A", "médico-sociale", DRH, "Santé et qualité de vie au travail",
     ["Infirmière santé au travail", "Infirmier en santé au travail"]),
    ("Psychologue du travail", 1, "A", "médico-sociale", DRH, "Santé et qualité de vie au travail",
     ["Psychologue du travail"]),
    # --- Finances et commande publique --------------------------------------------------
    ("Directeur ou directrice des finances", 1, "A", "administrative", DFI, "Direction",
     ["Directeur des finances", "Directrice financière"]),
    ("Responsable de gestion budgétaire et financière", 1, "A", "administrative", DFI, "Budget et comptabilité",
     ["Responsable du budget", "Resp. service budget et comptabilité"]),
    ("Chargé ou chargée de la gestion de la dette et de la trésorerie", 1, "A", "administrative", DFI, "Budget et comptabilité",
     ["Chargé de la dette et de la trésorerie"]),
    ("Chargé ou chargée de la recherche de financements", 1, "B", "administrative", DFI, "Budget et comptabilité",
     ["Chargée de recherche de subventions", "Chargé recherche de financements"]),
    ("Chargé ou chargée de la fiscalité locale", 1, "A", "administrative", DFI, "Budget et comptabilité",
     ["Chargée de la fiscalité et des dotations"]),
    ("Assistant ou assistante de gestion financière et comptable", 5, "B:2,C:3", "administrative", DFI, "Budget et comptabilité",
     ["Assistante de gestion financière", "Assistant de gestion budgétaire et comptable", "Assistante comptable", "ASSISTANTE FINANCES"]),
    ("Gestionnaire comptable", 11, "C", "administrative", DFI, "Budget et comptabilité",
     ["Gestionnaire comptable", "Agent comptable", "Gestionnaire comptable H/F", "Gest. comptable", "Agente de comptabilité",
      "GESTIONNAIRE COMPTABLE", "Comptable"]),
    ("Agent ou agente de facturation", 5, "C", "administrative", DFI, "Régies et facturation",
     ["Agent de facturation", "Agente facturation familles", "Gestionnaire facturation"]),
    ("Régisseur ou régisseuse de recettes", 2, "C", "administrative", DFI, "Régies et facturation",
     ["Régisseur de recettes", "Régisseuse principale", "Régisseur"]),
    ("Responsable de la commande publique", 1, "A", "administrative", DFI, "Commande publique",
     ["Responsable de la commande publique", "Resp. service marchés publics"]),
    ("Acheteur ou acheteuse public(que)", 2, "A:1,B:1", "administrative", DFI, "Commande publique",
     ["Acheteur public", "Acheteuse publique", "Acheteur"]),
    ("Gestionnaire de la commande publique", 3, "C:2,B:1", "administrative", DFI, "Commande publique",
     ["Gestionnaire marchés publics", "Gestionnaire de la commande publique", "Assistante marchés publics", "Gest. marchés publics"]),
    # --- Citoyenneté et relations aux usagers -------------------------------------------
    ("Responsable des affaires générales", 1, "A", "administrative", DCI, "Direction",
     ["Responsable des affaires générales", "Directrice de la citoyenneté"]),
    ("Chargé ou chargée d'accueil", 16, "C", "administrative", DCI, "Accueil",
     ["Chargée d'accueil", "Chargé d'accueil", "Chargée d'accueil et d'orientation", "Agent d'accueil", "Agente d'accueil",
      "Hôtesse d'accueil", "AGENT D'ACCUEIL", "Agent d'accueil polyvalent", "Chargée d'accueil H/F"]),
    ("Standardiste", 2, "C", "administrative", DCI, "Accueil",
     ["Standardiste", "Agent standard / accueil téléphonique"]),
    ("Officier ou officière d'état civil", 10, "C:9,B:1", "administrative", DCI, "État civil",
     ["Agent d'état civil", "Agente d'état civil", "Officier d'état civil", "Gestionnaire état civil", "AGENT ETAT CIVIL",
      "Agent état-civil / cimetière"]),
    ("Agent ou agente des formalités administratives", 7, "C", "administrative", DCI, "Formalités administratives",
     ["Agent des titres d'identité", "Agente passeports / CNI", "Agent formalités administratives", "Agente titres sécurisés"]),
    ("Chargé ou chargée des élections et du recensement", 3, "C", "administrative", DCI, "Élections - recensement",
     ["Agent élections", "Gestionnaire élections et recensement", "Agente du service élections"]),
    ("Chargé ou chargée de la vie associative", 2, "B", "administrative", DCI, "Vie associative et participation",
     ["Chargée de la vie associative", "Chargé des relations avec les associations"]),
    ("Chargé ou chargée de la participation citoyenne", 1, "A", "administrative", DCI, "Vie associative et participation",
     ["Chargée de la démocratie participative"]),
    ("Conseiller ou conseillère numérique", 2, "C", "administrative", DCI, "France services",
     ["Conseiller numérique", "Conseillère numérique France Services"]),
    ("Agent ou agente d'accueil France services", 3, "C", "administrative", DCI, "France services",
     ["Agent France Services", "Conseillère France services", "Agente d'accueil France Services"]),
    ("Assistant ou assistante de gestion administrative", 2, "C", "administrative", DCI, "Direction",
     ["Assistante administrative", "Assistant de gestion administrative"]),
    ("Agent ou agente de cimetière", 4, "C", "technique", DCI, "Cimetières",
     ["Agent de cimetière", "Fossoyeur", "Gardien de cimetière", "Agent polyvalent cimetière"]),
    ("Conservateur ou conservatrice de cimetière", 1, "B", "administrative", DCI, "Cimetières",
     ["Conservateur des cimetières"]),
    ("Placier ou placière", 2, "C", "administrative", DCI, "Marchés forains",
     ["Placier", "Placier des marchés"]),
    # --- Services techniques et urbanisme -------------------------------------------------
    ("Directeur ou directrice général(e) des services techniques", 1, "A", "technique", DST, "Direction",
     ["Directeur général des services techniques", "DGST"]),
    ("Directeur ou directrice des services techniques", 1, "A", "technique", DST, "Direction",
     ["Directeur des services techniques", "DST adjoint"]),
    ("Assistant ou assistante de gestion administrative", 9, "C:7,B:2", "administrative", DST, "Direction",
     ["Assistante administrative services techniques", "Assistante de gestion administrative", "Secrétaire ST", "ASSISTANTE ADMINISTRATIVE",
      "Assist. de gestion administrative"]),
    ("Agent ou agente de gestion administrative", 6, "C", "administrative", DST, "Direction",
     ["Agent administratif", "Agente de gestion administrative", "Adjoint administratif - ST", "Agent de saisie - régie technique"]),
    ("Secrétaire", 3, "C", "administrative", DST, "Direction",
     ["Secrétaire", "Secrétaire des services techniques"]),
    ("Responsable du patrimoine bâti", 1, "A", "technique", DST, "Bâtiments",
     ["Responsable du patrimoine bâti", "Resp. service bâtiments"]),
    ("Chargé ou chargée d'opérations de construction", 2, "A", "technique", DST, "Bâtiments",
     ["Chargé d'opérations bâtiment", "Chargée d'opérations construction"]),
    ("Économiste de la construction", 1, "B", "technique", DST, "Bâtiments",
     ["Economiste de la construction"]),
    ("Technicien ou technicienne bâtiment", 4, "B", "technique", DST, "Bâtiments",
     ["Technicien bâtiment", "Technicienne bâtiments", "Technicien bâtiments H/F", "TECHNICIEN BATIMENT"]),
    ("Conducteur ou conductrice de travaux bâtiment", 2, "B", "technique", DST, "Bâtiments",
     ["Conducteur de travaux", "Conducteur de travaux bâtiment"]),
    ("Chef ou cheffe d'équipe bâtiment", 4, "C", "technique", DST, "Régie bâtiment",
     ["Chef d'équipe bâtiment", "Chef d'équipe régie", "Agent de maîtrise bâtiment", "Responsable d'atelier"]),
    ("Agent ou agente de maintenance des bâtiments", 14, "C", "technique", DST, "Régie bâtiment",
     ["Agent de maintenance des bâtiments", "Agent de maintenance", "Agent d'entretien des bâtiments", "Adjoint technique bâtiment",
      "AGENT MAINTENANCE BATIMENTS", "Agent polyvalent bâtiment", "Adj. tech. maintenance bâtiments"]),
    ("Électricien ou électricienne", 6, "C", "technique", DST, "Régie bâtiment",
     ["Electricien", "Électricien", "Agent électricien", "ELECTRICIEN", "Électricien bâtiment"]),
    ("Plombier ou plombière chauffagiste", 5, "C", "technique", DST, "Régie bâtiment",
     ["Plombier", "Plombier chauffagiste", "Agent plomberie-chauffage"]),
    ("Menuisier ou menuisière", 4, "C", "technique", DST, "Régie bâtiment",
     ["Menuisier", "Menuisier-ébéniste", "Agent menuiserie"]),
    ("Peintre en bâtiment", 5, "C", "technique", DST, "Régie bâtiment",
     ["Peintre", "Peintre en bâtiment", "Agent peinture", "PEINTRE"]),
    ("Maçon ou maçonne", 4, "C", "technique", DST, "Régie bâtiment",
     ["Maçon", "Maçon VRD", "Agent maçonnerie"]),
    ("Serrurier-métallier ou serrurière-métallière", 2, "C", "technique", DST, "Régie bâtiment",
     ["Serrurier", "Serrurier-métallier"]),
    ("Plâtrier-plaquiste ou plâtrière-plaquiste", 2, "C", "technique", DST, "Régie bâtiment",
     ["Plaquiste", "Plâtrier-plaquiste"]),
    ("Couvreur ou couvreuse", 1, "C", "technique", DST, "Régie bâtiment",
     ["Couvreur zingueur"]),
    ("Technicien ou technicienne de maintenance CVC", 2, "C", "technique", DST, "Régie bâtiment",
     ["Technicien chauffage-ventilation", "Agent de maintenance CVC"]),
    ("Gardien ou gardienne d'équipement", 8, "C", "technique", DST, "Gardiennage",
     ["Gardien d'équipement", "Gardienne de groupe scolaire", "Gardien de l'hôtel de ville", "Concierge", "Gardien logé",
      "GARDIEN"]),
    ("Agent ou agente de sécurité incendie", 2, "C", "technique", DST, "Gardiennage",
     ["Agent SSIAP", "Agent de sécurité incendie"]),
    ("Responsable de l'entretien des locaux", 2, "C:1,B:1", "technique", DST, "Entretien des locaux",
     ["Responsable entretien des locaux", "Cheffe d'équipe entretien", "Coordinatrice entretien ménager"]),
    ("Agent ou agente de propreté des locaux", 32, "C", "technique", DST, "Entretien des locaux",
     ["Agent d'entretien des locaux", "Agente d'entretien", "Agent d'entretien", "Agente de propreté des locaux", "Agent d'entretien polyvalent",
      "AGENT D'ENTRETIEN", "Adjoint technique entretien des locaux", "Agente d'entretien H/F", "Agent de service", "Agente de nettoyage",
      "Agt entretien", "Agente d'entretien écoles"]),
    ("Agent ou agente de lingerie", 3, "C", "technique", DST, "Entretien des locaux",
     ["Lingère", "Agent de lingerie", "Agente lingerie-blanchisserie"]),
    ("Responsable de la voirie et des infrastructures", 1, "A", "technique", DST, "Voirie et réseaux",
     ["Responsable voirie et réseaux", "Ingénieur voirie"]),
    ("Technicien ou technicienne voirie et réseaux divers", 3, "B", "technique", DST, "Voirie et réseaux",
     ["Technicien voirie", "Technicien VRD", "Technicienne voirie et réseaux divers"]),
    ("Surveillant ou surveillante de travaux", 1, "B", "technique", DST, "Voirie et réseaux",
     ["Surveillant de travaux"]),
    ("Chef ou cheffe d'équipe voirie", 3, "C", "technique", DST, "Voirie et réseaux",
     ["Chef d'équipe voirie", "Agent de maîtrise voirie", "CHEF D'EQUIPE VOIRIE"]),
    ("Agent ou agente d'exploitation de la voirie", 13, "C", "technique", DST, "Voirie et réseaux",
     ["Agent de voirie", "Agent d'exploitation voirie", "Adjoint technique voirie", "AGENT VOIRIE", "Agent d'entretien de la voirie",
      "Cantonnier", "Agent voirie - viabilité hivernale"]),
    ("Agent ou agente de signalisation", 5, "C", "technique", DST, "Voirie et réseaux",
     ["Agent signalisation", "Agent de signalisation horizontale et verticale", "Agent marquage au sol"]),
    ("Conducteur ou conductrice d'engins", 4, "C", "technique", DST, "Voirie et réseaux",
     ["Conducteur d'engins", "Chauffeur engins", "Conducteur d'engins TP"]),
    ("Électricien ou électricienne d'éclairage public", 3, "C", "technique", DST, "Voirie et réseaux",
     ["Electricien éclairage public", "Agent éclairage public", "Électricien réseaux EP"]),
    ("Gestionnaire du domaine public", 2, "C", "administrative", DST, "Voirie et réseaux",
     ["Gestionnaire occupation du domaine public", "Agent du domaine public"]),
    ("Agent ou agente d'exploitation des réseaux d'eau potable", 4, "C", "technique", DST, "Eau et assainissement",
     ["Fontainier", "Agent réseau eau potable", "Agent d'exploitation réseaux d'eau"]),
    ("Égoutier ou égoutière", 3, "C", "technique", DST, "Eau et assainissement",
     ["Egoutier", "Agent assainissement", "Agent de réseau assainissement"]),
    ("Agent ou agente de station d'épuration", 2, "C", "technique", DST, "Eau et assainissement",
     ["Agent de station d'épuration", "Agent STEP"]),
    ("Technicien ou technicienne eau et assainissement", 1, "B", "technique", DST, "Eau et assainissement",
     ["Technicien eau et assainissement"]),
    ("Contrôleur ou contrôleuse de l'assainissement non collectif", 1, "B", "technique", DST, "Eau et assainissement",
     ["Technicien SPANC"]),
    ("Responsable des espaces verts", 1, "A", "technique", DST, "Espaces verts",
     ["Responsable des espaces verts", "Resp. espaces verts et paysage"]),
    ("Technicien ou technicienne espaces verts", 2, "B", "technique", DST, "Espaces verts",
     ["Technicien espaces verts", "Technicienne paysage"]),
    ("Chef ou cheffe d'équipe espaces verts", 5, "C", "technique", DST, "Espaces verts",
     ["Chef d'équipe espaces verts", "Chef d'équipe EV", "Agent de maîtrise espaces verts", "CHEF D'EQUIPE ESPACES VERTS"]),
    ("Jardinier ou jardinière", 30, "C", "technique", DST, "Espaces verts",
     ["Jardinier", "Agent des espaces verts", "Agent espaces verts", "Adjoint technique espaces verts", "Jardinière",
      "AGENT ESPACES VERTS", "Jardinier H/F", "Agt EV", "Agent d'entretien des espaces verts", "Jardinier paysagiste",
      "Adj. tech. EV"]),
    ("Élagueur ou élagueuse", 4, "C", "technique", DST, "Espaces verts",
     ["Elagueur", "Élagueur grimpeur", "Arboriste élagueur"]),
    ("Horticulteur ou horticultrice", 4, "C", "technique", DST, "Espaces verts",
     ["Horticulteur", "Agent des serres municipales", "Horticultrice"]),
    ("Agent ou agente d'entretien des espaces naturels", 3, "C", "technique", DST, "Espaces verts",
     ["Agent des espaces naturels", "Agent d'entretien des espaces naturels"]),
    ("Responsable de la propreté urbaine et des déchets", 1, "B", "technique", DST, "Propreté urbaine",
     ["Responsable propreté urbaine"]),
    ("Agent ou agente de propreté urbaine", 22, "C", "technique", DST, "Propreté urbaine",
     ["Agent de propreté urbaine", "Agent propreté", "Agent de nettoiement", "Balayeur", "AGENT DE PROPRETE", "Agent de la propreté publique",
      "Adjoint technique propreté", "Agent propreté urbaine H/F"]),
    ("Conducteur ou conductrice de balayeuse", 5, "C", "technique", DST, "Propreté urbaine",
     ["Conducteur de balayeuse", "Chauffeur balayeuse", "Conducteur laveuse-balayeuse"]),
    ("Mécanicien ou mécanicienne", 4, "C", "technique", DST, "Garage et logistique",
     ["Mécanicien", "Mécanicien poids lourds", "Mécanicien VL/PL", "MECANICIEN"]),
    ("Responsable du garage et de la flotte automobile", 1, "B", "technique", DST, "Garage et logistique",
     ["Responsable garage et parc auto"]),
    ("Magasinier ou magasinière", 3, "C", "technique", DST, "Garage et logistique",
     ["Magasinier", "Magasinière", "Magasinier cariste"]),
    ("Agent ou agente de logistique et de manutention", 8, "C", "technique", DST, "Garage et logistique",
     ["Agent logistique", "Agent fêtes et cérémonies", "Manutentionnaire", "Agent logistique événementielle", "Agent fêtes et manifestations",
      "AGENT LOGISTIQUE"]),
    ("Responsable de la logistique et des moyens généraux", 1, "B", "technique", DST, "Garage et logistique",
     ["Responsable logistique"]),
    ("Chauffeur ou chauffeuse", 3, "C", "technique", DST, "Garage et logistique",
     ["Chauffeur", "Chauffeur VL", "Chauffeur du Maire"]),
    ("Conducteur ou conductrice de car", 2, "C", "technique", DST, "Garage et logistique",
     ["Chauffeur de car", "Conducteur de car scolaire"]),
    ("Conducteur ou conductrice de poids lourd", 2, "C", "technique", DST, "Garage et logistique",
     ["Chauffeur PL", "Chauffeur poids lourd"]),
    ("Agent ou agente polyvalent(e) des services techniques", 8, "C", "technique", DST, "Garage et logistique",
     ["Agent polyvalent", "Agent technique polyvalent", "Agent polyvalent des services techniques", "AGENT TECHNIQUE POLYVALENT",
      "Adjoint technique polyvalent"]),
    ("Électromécanicien ou électromécanicienne", 1, "C", "technique", DST, "Garage et logistique",
     ["Electromécanicien"]),
    ("Directeur ou directrice de l'urbanisme et de l'aménagement", 1, "A", "technique", DST, "Urbanisme et aménagement",
     ["Directrice de l'urbanisme", "Directeur aménagement et urbanisme"]),
    ("Urbaniste", 2, "A", "technique", DST, "Urbanisme et aménagement",
     ["Urbaniste", "Chargée d'études urbanisme"]),
    ("Instructeur ou instructrice des autorisations d'urbanisme", 4, "B:2,C:2", "administrative", DST, "Urbanisme et aménagement",
     ["Instructeur ADS", "Instructrice droit des sols", "Instructeur autorisations d'urbanisme", "Gestionnaire urbanisme"]),
    ("Contrôleur ou contrôleuse des autorisations d'urbanisme", 1, "B", "technique", DST, "Urbanisme et aménagement",
     ["Contrôleur des travaux - urbanisme"]),
    ("Chargé ou chargée du foncier", 1, "A", "administrative", DST, "Urbanisme et aménagement",
     ["Chargée des affaires foncières"]),
    ("Dessinateur ou dessinatrice projeteur(se)", 2, "C:1,B:1", "technique", DST, "Urbanisme et aménagement",
     ["Dessinateur projeteur", "Dessinatrice DAO"]),
    ("Géomètre-topographe", 1, "B", "technique", DST, "Urbanisme et aménagement",
     ["Géomètre"]),
    ("Chargé ou chargée des mobilités", 1, "A", "technique", DST, "Urbanisme et aménagement",
     ["Chargé de mission mobilités"]),
    ("Chargé ou chargée de l'habitat", 1, "A", "administrative", DST, "Habitat et développement",
     ["Chargée de mission habitat"]),
    ("Gestionnaire des demandes de logement social", 2, "C", "administrative", DST, "Habitat et développement",
     ["Agent logement", "Gestionnaire demandes de logement"]),
    ("Chef ou cheffe de projet politique de la ville", 1, "A", "administrative", DST, "Habitat et développement",
     ["Cheffe de projet politique de la ville"]),
    ("Chargé ou chargée de développement économique", 1, "A", "administrative", DST, "Habitat et développement",
     ["Chargé de développement économique"]),
    ("Manager ou manageuse de centre-ville", 1, "A", "administrative", DST, "Habitat et développement",
     ["Manager de centre-ville", "Manageuse commerce de centre-ville"]),
    ("Chargé ou chargée de mission transition écologique", 1, "A", "technique", DST, "Environnement",
     ["Chargée de mission développement durable"]),
    ("Conseiller ou conseillère en énergie", 1, "B", "technique", DST, "Environnement",
     ["Econome de flux", "Conseiller énergie"]),
    ("Inspecteur ou inspectrice de salubrité", 1, "B", "technique", DST, "Environnement",
     ["Technicien hygiène et salubrité", "Inspecteur de salubrité"]),
    # --- Éducation, enfance, restauration -----------------------------------------------
    ("Directeur ou directrice de l'éducation", 1, "A", "administrative", DEE, "Direction",
     ["Directrice de l'éducation", "Directeur éducation-enfance"]),
    ("Assistant ou assistante de gestion administrative", 4, "C", "administrative", DEE, "Affaires scolaires",
     ["Assistante administrative", "Assistante de gestion administrative affaires scolaires"]),
    ("Agent ou agente de gestion administrative", 9, "C", "administrative", DEE, "Affaires scolaires",
     ["Agent inscriptions scolaires", "Agente administrative guichet famille", "Agent administratif affaires scolaires"]),
    ("Chargé ou chargée d'accueil", 4, "C", "administrative", DEE, "Affaires scolaires",
     ["Agent d'accueil guichet unique", "Chargée d'accueil espace familles"]),
    ("Coordonnateur ou coordonnatrice enfance-jeunesse", 2, "A:1,B:1", "animation", DEE, "Enfance - périscolaire",
     ["Coordinateur enfance jeunesse", "Coordinatrice périscolaire", "Coordonnateur temps de l'enfant"]),
    ("Directeur ou directrice d'accueil collectif de mineurs", 8, "B:3,C:5", "animation", DEE, "Enfance - périscolaire",
     ["Directeur ALSH", "Directrice accueil de loisirs", "Directeur périscolaire", "Responsable accueil de loisirs", "DIRECTRICE ALSH",
      "Dir. ALSH"]),
    ("Animateur ou animatrice périscolaire", 42, "C", "animation", DEE, "Enfance - périscolaire",
     ["Animateur périscolaire", "Animatrice périscolaire", "Animateur", "Animatrice", "Adjoint d'animation", "ANIMATRICE PERISCOLAIRE",
      "Animatrice périscolaire H/F", "Anim. périsco", "Animateur temps méridien", "Animatrice BAFA", "Agent d'animation"]),
    ("Animateur ou animatrice enfance-jeunesse", 19, "C", "animation", DEE, "Enfance - périscolaire",
     ["Animateur accueil de loisirs", "Animatrice ALSH", "Animateur enfance", "Animatrice enfance-jeunesse", "ANIMATEUR ALSH"]),
    ("Agent ou agente territorial(e) spécialisé(e) des écoles maternelles (ATSEM)", 42, "C", "sociale", DEE, "Écoles",
     ["ATSEM", "Atsem", "Agent territorial spécialisé des écoles maternelles", "ATSEM H/F", "Agente spécialisée des écoles maternelles",
      "ATSEM principale", "ASEM", "A.T.S.E.M."]),
    ("Agent ou agente d'accompagnement scolaire et de surveillance", 10, "C", "animation", DEE, "Écoles",
     ["Agent de surveillance restauration scolaire", "Surveillante de cantine", "Accompagnatrice transport scolaire", "Agent surveillance pause méridienne"]),
    ("Coordonnateur ou coordonnatrice du programme de réussite éducative", 1, "A", "administrative", DEE, "Enfance - périscolaire",
     ["Coordinatrice PRE"]),
    ("Animateur ou animatrice jeunesse", 6, "C:4,B:2", "animation", DEE, "Jeunesse",
     ["Animateur jeunesse", "Animatrice jeunesse", "Animateur espace jeunes", "ANIMATEUR JEUNESSE"]),
    ("Informateur ou informatrice jeunesse", 1, "B", "animation", DEE, "Jeunesse",
     ["Informatrice jeunesse - PIJ"]),
    ("Directeur ou directrice d'établissement d'accueil du jeune enfant", 4, "A", "médico-sociale", DEE, "Petite enfance",
     ["Directrice de crèche", "Directrice multi-accueil", "Directrice EAJE", "Directeur de crèche"]),
    ("Coordonnateur ou coordonnatrice petite enfance", 1, "A", "médico-sociale", DEE, "Petite enfance",
     ["Coordinatrice petite enfance"]),
    ("Éducateur ou éducatrice de jeunes enfants", 10, "A", "sociale", DEE, "Petite enfance",
     ["Educatrice de jeunes enfants", "Éducatrice de jeunes enfants", "EJE", "Educateur de jeunes enfants", "EJE H/F", "Educ. jeunes enfants"]),
    ("Auxiliaire de puériculture", 26, "C:16,B:10", "médico-sociale", DEE, "Petite enfance",
     ["Auxiliaire de puériculture", "Auxiliaire puéricultrice", "AUXILIAIRE DE PUERICULTURE", "Aux. puériculture", "Auxiliaire de puériculture H/F"]),
    ("Agent ou agente d'accompagnement éducatif de la petite enfance", 22, "C", "sociale", DEE, "Petite enfance",
     ["Agent petite enfance", "Agente auprès des enfants", "Accompagnante éducative petite enfance", "Agent social petite enfance",
      "AGENT PETITE ENFANCE", "Agente de crèche"]),
    ("Assistant ou assistante maternel(le) en crèche familiale", 8, "C", "sociale", DEE, "Petite enfance",
     ["Assistante maternelle", "Assistante maternelle crèche familiale", "Assistant maternel"]),
    ("Animateur ou animatrice de relais petite enfance", 2, "A", "sociale", DEE, "Petite enfance",
     ["Animatrice RPE", "Animatrice relais petite enfance"]),
    ("Puériculteur ou puéricultrice", 2, "A", "médico-sociale", DEE, "Petite enfance",
     ["Puéricultrice", "Infirmière puéricultrice"]),
    ("Psychomotricien ou psychomotricienne", 1, "A", "médico-sociale", DEE, "Petite enfance",
     ["Psychomotricienne"]),
    ("Directeur ou directrice de la restauration collective", 1, "A", "technique", DEE, "Restauration",
     ["Directeur de la restauration", "Responsable cuisine centrale"]),
    ("Responsable de production culinaire", 2, "B", "technique", DEE, "Restauration",
     ["Chef de cuisine", "Chef de production cuisine centrale"]),
    ("Cuisinier ou cuisinière", 10, "C", "technique", DEE, "Restauration",
     ["Cuisinier", "Cuisinière", "Second de cuisine", "CUISINIER", "Cuisinier de collectivité"]),
    ("Agent ou agente de restauration", 26, "C", "technique", DEE, "Restauration",
     ["Agent de restauration", "Agente de restauration", "Agent de restauration scolaire", "Agent polyvalent de restauration", "Aide de cuisine",
      "AGENT DE RESTAURATION", "Agente de service restauration", "Agent restauration H/F", "Plongeur", "Agt restauration"]),
    ("Diététicien ou diététicienne", 1, "B", "technique", DEE, "Restauration",
     ["Diététicienne"]),
    ("Chauffeur-livreur ou chauffeuse-livreuse en restauration", 3, "C", "technique", DEE, "Restauration",
     ["Chauffeur-livreur", "Chauffeur livreur liaison froide", "Agent de livraison des repas"]),
    # --- Culture -------------------------------------------------------------------------
    ("Directeur ou directrice des affaires culturelles", 1, "A", "culturelle", DCU, "Direction",
     ["Directrice des affaires culturelles", "DAC"]),
    ("Assistant ou assistante de gestion administrative", 3, "C", "administrative", DCU, "Direction",
     ["Assistante administrative culture", "Assistant de gestion administrative"]),
    ("Chargé ou chargée d'accueil", 2, "C", "administrative", DCU, "Direction",
     ["Agent d'accueil", "Chargée d'accueil"]),
    ("Chargé ou chargée de l'action culturelle", 2, "A:1,B:1", "culturelle", DCU, "Action culturelle",
     ["Chargée d'action culturelle", "Chargé de développement culturel"]),
    ("Directeur ou directrice de bibliothèque", 1, "A", "culturelle", DCU, "Médiathèque",
     ["Directrice de la médiathèque"]),
    ("Bibliothécaire", 3, "A:1,B:2", "culturelle", DCU, "Médiathèque",
     ["Bibliothécaire", "Bibliothécaire jeunesse"]),
    ("Assistant ou assistante de conservation des bibliothèques", 6, "B", "culturelle", DCU, "Médiathèque",
     ["Assistant de conservation", "Assistante de conservation du patrimoine", "Responsable secteur adulte", "Responsable secteur jeunesse"]),
    ("Agent ou agente de bibliothèque", 12, "C", "culturelle", DCU, "Médiathèque",
     ["Agent de bibliothèque", "Agente de médiathèque", "Adjoint du patrimoine", "Agent du patrimoine", "AGENT DE BIBLIOTHEQUE",
      "Agente de bibliothèque H/F"]),
    ("Archiviste", 1, "B", "culturelle", DCU, "Archives",
     ["Archiviste"]),
    ("Agent ou agente d'archives", 2, "C", "culturelle", DCU, "Archives",
     ["Agent d'archives", "Aide-archiviste"]),
    ("Directeur ou directrice de musée", 1, "A", "culturelle", DCU, "Musée",
     ["Directeur du musée"]),
    ("Chargé ou chargée des collections", 1, "B", "culturelle", DCU, "Musée",
     ["Régisseuse des collections"]),
    ("Agent ou agente d'accueil et de surveillance du patrimoine", 6, "C", "culturelle", DCU, "Musée",
     ["Agent d'accueil et de surveillance", "Agent de surveillance musée", "Gardien de salle", "Agente accueil-surveillance"]),
    ("Guide-conférencier ou guide-conférencière", 1, "B", "culturelle", DCU, "Musée",
     ["Guide-conférencière"]),
    ("Médiateur ou médiatrice culturel(le)", 2, "B", "culturelle", DCU, "Musée",
     ["Médiatrice culturelle", "Médiateur culturel"]),
    ("Directeur ou directrice d'établissement d'enseignement artistique", 1, "A", "culturelle", DCU, "Conservatoire",
     ["Directeur du conservatoire"]),
    ("Enseignant ou enseignante artistique", 18, "B:12,A:6", "culturelle", DCU, "Conservatoire",
     ["Professeur de piano", "Professeure de violon", "Assistant d'enseignement artistique", "Enseignant musique", "Professeur de danse",
      "Professeure de formation musicale", "Enseignante arts plastiques", "Prof. guitare", "Professeur de théâtre", "Assistante d'enseignement artistique - flûte"]),
    ("Musicien ou musicienne intervenant(e)", 2, "B", "culturelle", DCU, "Conservatoire",
     ["Dumiste", "Musicienne intervenante"]),
    ("Directeur ou directrice d'établissement culturel", 1, "A", "culturelle", DCU, "Spectacle vivant",
     ["Directrice du théâtre municipal"]),
    ("Chargé ou chargée de programmation et de production", 1, "A", "culturelle", DCU, "Spectacle vivant",
     ["Chargé de programmation"]),
    ("Régisseur ou régisseuse de spectacle", 2, "B:1,C:1", "technique", DCU, "Spectacle vivant",
     ["Régisseur général", "Régisseur son et lumière"]),
    ("Technicien ou technicienne du spectacle", 4, "C", "technique", DCU, "Spectacle vivant",
     ["Technicien son", "Technicien lumière", "Technicien plateau", "Technicien du spectacle"]),
    ("Agent ou agente d'accueil et de billetterie", 3, "C", "administrative", DCU, "Spectacle vivant",
     ["Agent de billetterie", "Agente accueil-billetterie"]),
    # --- Sports --------------------------------------------------------------------------
    ("Directeur ou directrice des sports", 1, "A", "sportive", DSP, "Direction",
     ["Directeur des sports", "Directeur des sports et de la vie sportive"]),
    ("Assistant ou assistante de gestion administrative", 1, "C", "administrative", DSP, "Direction",
     ["Assistante administrative sports"]),
    ("Chargé ou chargée de la vie sportive", 1, "B", "administrative", DSP, "Direction",
     ["Chargé des associations sportives"]),
    ("Éducateur ou éducatrice des activités physiques et sportives", 8, "B", "sportive", DSP, "Animation sportive",
     ["Educateur sportif", "ETAPS", "Éducatrice des APS", "Educateur APS", "Éducateur sportif H/F", "EDUCATEUR SPORTIF"]),
    ("Maître-nageur sauveteur ou maître-nageuse sauveteuse", 8, "B", "sportive", DSP, "Piscine",
     ["Maître-nageur sauveteur", "MNS", "Maitre nageur", "Éducateur sportif des activités de la natation", "Maître-nageuse"]),
    ("Surveillant ou surveillante de baignade", 3, "C", "sportive", DSP, "Piscine",
     ["Surveillant de baignade", "BNSSA"]),
    ("Responsable d'équipement sportif", 2, "B", "sportive", DSP, "Piscine",
     ["Responsable de la piscine", "Chef de bassin"]),
    ("Agent ou agente de traitement de l'eau des piscines", 2, "C", "technique", DSP, "Piscine",
     ["Agent technique piscine", "Agent traitement de l'eau"]),
    ("Agent ou agente d'accueil et de billetterie", 3, "C", "administrative", DSP, "Piscine",
     ["Agent d'accueil piscine", "Hôtesse de caisse piscine", "Caissière piscine"]),
    ("Agent ou agente d'exploitation des équipements sportifs et ludiques", 12, "C", "technique", DSP, "Équipements sportifs",
     ["Agent d'exploitation des équipements sportifs", "Gardien de gymnase", "Agent polyvalent équipements sportifs", "Gardien de stade",
      "AGENT EQUIPEMENTS SPORTIFS", "Agent d'entretien équipements sportifs"]),
    ("Agent ou agente d'entretien des terrains de sport", 4, "C", "technique", DSP, "Équipements sportifs",
     ["Agent d'entretien des terrains", "Jardinier des stades"]),
    # --- Tranquillité publique -----------------------------------------------------------
    ("Directeur ou directrice de police municipale", 1, "A", "police municipale", DTP, "Police municipale",
     ["Directeur de la police municipale"]),
    ("Chef ou cheffe de service de police municipale", 2, "B", "police municipale", DTP, "Police municipale",
     ["Chef de service de police municipale", "Chef de poste police municipale"]),
    ("Policier ou policière municipal(e)", 24, "C", "police municipale", DTP, "Police municipale",
     ["Policier municipal", "Policière municipale", "POLICIER MUNICIPAL", "Gardien-brigadier", "Brigadier-chef principal", "Agent de police municipale",
      "Policier municipal H/F", "Brigadier", "Policier mun.", "Agent de police municipale - brigade de nuit"]),
    ("Agent ou agente de surveillance de la voie publique", 8, "C", "administrative", DTP, "Police municipale",
     ["ASVP", "Agent de surveillance de la voie publique", "A.S.V.P.", "Agente de surveillance de la voie publique"]),
    ("Opérateur ou opératrice de vidéoprotection", 5, "C", "technique", DTP, "Centre de supervision urbain",
     ["Opérateur vidéoprotection", "Opératrice CSU", "Opérateur de vidéosurveillance"]),
    ("Agent ou agente de sécurité aux abords des écoles", 6, "C", "technique", DTP, "Prévention et médiation",
     ["Agent point école", "Agente de sécurité des écoles", "Patrouilleur scolaire"]),
    ("Agent ou agente de médiation et de tranquillité publique", 4, "C", "animation", DTP, "Prévention et médiation",
     ["Médiateur de tranquillité publique", "Agent de médiation", "Correspondant de nuit"]),
    ("Chargé ou chargée de prévention de la délinquance", 1, "A", "administrative", DTP, "Prévention et médiation",
     ["Coordonnateur CLSPD"]),
    ("Chargé ou chargée de la gestion des risques majeurs", 1, "A", "technique", DTP, "Prévention et médiation",
     ["Chargé des risques majeurs et du PCS"]),
    ("Assistant ou assistante de gestion administrative", 2, "C", "administrative", DTP, "Police municipale",
     ["Assistante administrative police municipale", "Agent administratif PM"]),
    # --- CCAS / Solidarités --------------------------------------------------------------
    ("Directeur ou directrice de l'action sociale et du CCAS", 1, "A", "administrative", DSO, "Direction",
     ["Directrice du CCAS", "Directeur des solidarités"]),
    ("Assistant ou assistante de gestion administrative", 3, "C", "administrative", DSO, "Direction",
     ["Assistante administrative CCAS", "Assistante de gestion"]),
    ("Agent ou agente de gestion administrative", 3, "C", "administrative", DSO, "Direction",
     ["Agent administratif CCAS", "Agente de gestion administrative"]),
    ("Chargé ou chargée de l'analyse des besoins sociaux", 1, "A", "administrative", DSO, "Direction",
     ["Chargée d'observation sociale"]),
    ("Assistant ou assistante de service social", 5, "A", "sociale", DSO, "Action sociale",
     ["Assistante sociale", "Assistante de service social", "Travailleur social", "ASS"]),
    ("Conseiller ou conseillère en économie sociale et familiale", 2, "A", "sociale", DSO, "Action sociale",
     ["Conseillère ESF", "Conseillère en économie sociale et familiale"]),
    ("Agent ou agente d'accueil social", 7, "C", "administrative", DSO, "Action sociale",
     ["Agent d'accueil CCAS", "Agente d'accueil social", "Chargée d'accueil CCAS"]),
    ("Instructeur ou instructrice des aides sociales", 4, "C:3,B:1", "administrative", DSO, "Action sociale",
     ["Instructrice aides sociales", "Gestionnaire aides facultatives", "Agent instructeur"]),
    ("Conseiller ou conseillère en insertion professionnelle", 2, "B", "sociale", DSO, "Action sociale",
     ["Conseillère en insertion professionnelle", "Référent RSA"]),
    ("Médiateur ou médiatrice social(e)", 3, "C", "animation", DSO, "Action sociale",
     ["Médiateur social", "Médiatrice sociale", "Adulte-relais"]),
    ("Mandataire judiciaire à la protection des majeurs", 1, "B", "administrative", DSO, "Action sociale",
     ["Mandataire judiciaire"]),
    ("Directeur ou directrice d'établissement pour personnes âgées", 1, "A", "administrative", DSO, "Autonomie - personnes âgées",
     ["Directrice de la résidence autonomie"]),
    ("Responsable de service d'aide à domicile", 1, "B", "sociale", DSO, "Autonomie - personnes âgées",
     ["Responsable de secteur SAAD"]),
    ("Auxiliaire de vie sociale", 20, "C", "sociale", DSO, "Autonomie - personnes âgées",
     ["Auxiliaire de vie sociale", "Aide à domicile", "AVS", "Auxiliaire de vie", "AIDE A DOMICILE", "Agent social à domicile"]),
    ("Aide-soignant ou aide-soignante", 8, "C:3,B:5", "médico-sociale", DSO, "Autonomie - personnes âgées",
     ["Aide-soignante", "Aide soignant SSIAD", "Aide-soignante H/F"]),
    ("Infirmier ou infirmière", 3, "A", "médico-sociale", DSO, "Autonomie - personnes âgées",
     ["Infirmière coordinatrice SSIAD", "Infirmier", "IDE"]),
    ("Animateur ou animatrice en gérontologie", 2, "C", "animation", DSO, "Autonomie - personnes âgées",
     ["Animatrice résidence autonomie", "Animateur seniors"]),
    ("Agent ou agente de portage de repas", 3, "C", "technique", DSO, "Autonomie - personnes âgées",
     ["Agent de portage de repas", "Livreur repas à domicile"]),
    ("Coordonnateur ou coordonnatrice gérontologique", 1, "A", "sociale", DSO, "Autonomie - personnes âgées",
     ["Coordinatrice CLIC"]),
    ("Chargé ou chargée de prévention et de promotion de la santé", 1, "A", "administrative", DSO, "Santé",
     ["Coordinatrice contrat local de santé"]),
]

# Coût annuel chargé d'un poste à temps complet (euros) : fourchette par catégorie, ordre de
# grandeur des grilles indiciaires de la fonction publique territoriale et des cotisations
# employeur (environ +45 % du brut pour un titulaire). Fictif, pas des salaires réels.
COST_SEED = SEED + 1  # graine à part : les autres colonnes ne changent pas
COST_RANGES = {"C": (32000, 42000), "B": (40000, 52000), "A": (55000, 78000)}
COST_DIRECTION = 1.18  # emplois de direction (métier « Directeur ou directrice … »)
COST_DGS = (105000, 115000)

ETP_CHOICES = [("1", 880), ("0,8", 55), ("0,5", 35), ("0,9", 20), ("0,7", 10)]


def strip_accents(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def typo(rng, s):
    """Une faute de frappe plausible (lettre doublée, omise, inversée ou accent perdu)."""
    letters = [i for i, c in enumerate(s) if c.isalpha()]
    if len(letters) < 4:
        return s
    kind = rng.choice(["swap", "drop", "double", "accent"])
    i = rng.choice(letters[1:-1])
    if kind == "swap" and s[i + 1].isalpha():
        return s[:i] + s[i + 1] + s[i] + s[i + 2:]
    if kind == "drop":
        return s[:i] + s[i + 1:]
    if kind == "double":
        return s[:i] + s[i] + s[i:]
    stripped = strip_accents(s)
    return stripped if stripped != s else s[:i] + s[i] + s[i:]


def pick_weighted(rng, choices):
    total = sum(w for _, w in choices)
    x = rng.uniform(0, total)
    for v, w in choices:
        x -= w
        if x <= 0:
            return v
    return choices[-1][0]


def expand_categories(spec, n):
    if ":" not in spec:
        return [spec] * n
    out = []
    for part in spec.split(","):
        c, k = part.split(":")
        out += [c] * int(k)
    if len(out) != n:
        raise SystemExit(f"catégories {spec!r} : {len(out)} postes au lieu de {n}")
    return out


def french_amount(n):
    """38250 → « 38 250 » (espace ordinaire entre les milliers, comme un export de tableur lisible)."""
    return f"{n:,}".replace(",", " ")


def annual_cost(rng, metier, cat, etp):
    """Coût annuel chargé fictif d'un poste, en euros entiers, proportionnel à l'ETP."""
    if metier.startswith("Directeur ou directrice général(e) des services"):
        full = rng.uniform(*COST_DGS)
    else:
        full = rng.uniform(*COST_RANGES[cat])
        if metier.startswith("Directeur ou directrice"):
            full *= COST_DIRECTION
    return round(full * float(etp.replace(",", ".")))


def load_metiers():
    with open(REFERENTIEL, encoding="utf-8", newline="") as fh:
        return {r["metier"] for r in csv.DictReader(fh)}


def main():
    rng = random.Random(SEED)
    metiers = load_metiers()
    total = sum(n for _, n, *_ in PLAN)
    if total != N_POSTS:
        raise SystemExit(f"le plan compte {total} postes au lieu de {N_POSTS}")
    posts = []
    for metier, n, cats, filiere, direction, service, titles in PLAN:
        if metier not in metiers:
            raise SystemExit(f"métier absent du référentiel : {metier}")
        if direction not in DIRECTIONS:
            raise SystemExit(f"direction inconnue : {direction}")
        for cat in expand_categories(cats, n):
            title = rng.choice(titles)
            r = rng.random()
            if r < 0.02:
                title = typo(rng, title)
            elif r < 0.07 and not title.isupper():
                title = strip_accents(title).upper()   # saisie en capitales sans accents (vieux SIRH)
            elif r < 0.10 and "H/F" not in title and title != title.upper():
                title += " H/F"
            etp = pick_weighted(rng, ETP_CHOICES)
            if cat == "A" and etp == "0,5":
                etp = "1"  # peu d'emplois de direction à mi-temps
            posts.append([title, metier, cat, filiere, direction, service, etp])
    # Ordre d'un export RH : par direction puis service, postes mélangés dans chaque service.
    order = {d: i for i, d in enumerate(DIRECTIONS)}
    service_rank = {}
    for entry in PLAN:
        service_rank.setdefault((entry[4], entry[5]), len(service_rank))
    rng.shuffle(posts)
    posts.sort(key=lambda p: (order[p[4]], service_rank[(p[4], p[5])]))
    cost_rng = random.Random(COST_SEED)
    for p in posts:
        p.append(annual_cost(cost_rng, p[1], p[2], p[6]))
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter=";", lineterminator="\n")
        w.writerow(["Matricule", "Intitulé du poste", "Métier", "Catégorie", "Filière", "Direction", "Service", "ETP",
                    "Coût annuel chargé"])
        for i, p in enumerate(posts, 1):
            w.writerow([f"P{i:04d}"] + p[:7] + [french_amount(p[7])])
    summarize(posts)


def summarize(posts):
    n = len(posts)
    print(f"{n} postes écrits dans {os.path.relpath(OUT, REPO)} (données fictives)")
    etp = sum(float(p[6].replace(",", ".")) for p in posts)
    print(f"ETP total : {etp:.1f}")
    cost = sum(p[7] for p in posts)
    print(f"Coût annuel chargé total (fictif) : {french_amount(cost)} €")
    for cat in "ABC":
        sel = [p for p in posts if p[2] == cat]
        per_etp = sum(p[7] for p in sel) / sum(float(p[6].replace(",", ".")) for p in sel)
        print(f"   catégorie {cat} : {french_amount(round(per_etp))} € par ETP en moyenne")
    for label, idx in (("Catégorie", 2), ("Filière", 3), ("Direction", 4)):
        print(f"-- {label}")
        for k, v in Counter(p[idx] for p in posts).most_common():
            print(f"   {v:4d}  {100 * v / n:5.1f} %  {k}")
    print(f"-- {len({p[1] for p in posts})} métiers distincts, {len({p[0] for p in posts})} intitulés distincts")


if __name__ == "__main__":
    sys.exit(main())
